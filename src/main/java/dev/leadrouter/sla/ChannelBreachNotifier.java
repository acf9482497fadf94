package dev.leadrouter.sla;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadrouter.notify.MessageTemplates;
import dev.leadrouter.notify.Notifier;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SoqlLiteral;
import dev.leadrouter.store.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the owner and their manager (the owner's {@code User.ManagerId}) on the configured
 * channels, with the admin-editable {@code sla-breach} template.
 */
public final class ChannelBreachNotifier implements BreachNotifier {

  /** The template breach notices are made from. */
  public static final String TEMPLATE = "sla-breach";

  private final Notifier notifier;
  private final MessageTemplates templates;
  private final RestClient rest;
  private final String leadUrlPrefix;
  private final Clock clock;

  /**
   * @param leadUrlPrefix put before a lead's id to link to it, e.g. the org's URL and {@code
   *     /lightning/r/Lead/}
   */
  public ChannelBreachNotifier(
      Notifier notifier,
      MessageTemplates templates,
      RestClient rest,
      String leadUrlPrefix,
      Clock clock) {
    this.notifier = notifier;
    this.templates = templates;
    this.rest = rest;
    this.leadUrlPrefix = leadUrlPrefix;
    this.clock = clock;
  }

  @Override
  public String breached(SlaClock open) {
    Optional<JsonNode> owner = user(open.ownerId());
    List<String> recipients = new ArrayList<>();
    owner.map(u -> u.path("Email").asText("")).filter(e -> !e.isBlank()).ifPresent(recipients::add);
    owner
        .map(u -> u.path("ManagerId").asText(""))
        .filter(id -> !id.isBlank())
        .flatMap(this::user)
        .map(m -> m.path("Email").asText(""))
        .filter(e -> !e.isBlank())
        .ifPresent(recipients::add);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("lead", open.leadId());
    values.put(
        "owner", owner.map(u -> u.path("Name").asText(open.ownerId())).orElse(open.ownerId()));
    values.put("dueAt", open.dueAt().toString());
    values.put("routedAt", open.startedAt().toString());
    values.put(
        "minutesLate",
        Long.toString(Math.max(0, Duration.between(open.dueAt(), clock.instant()).toMinutes())));
    values.put("rule", open.rule() == null ? "catch-all" : open.rule());
    values.put("tier", open.tier());
    values.put("leadUrl", leadUrlPrefix + open.leadId() + "/view");
    String sent = notifier.send(templates.render(TEMPLATE, values, recipients));
    return sent + " (to " + (recipients.isEmpty() ? "no e-mail address" : recipients) + ")";
  }

  private Optional<JsonNode> user(String id) {
    return rest.query(
            "SELECT Id, Name, Email, ManagerId FROM User WHERE Id = " + SoqlLiteral.quote(id))
        .findFirst();
  }
}

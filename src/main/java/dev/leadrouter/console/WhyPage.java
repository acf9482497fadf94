package dev.leadrouter.console;

import com.google.inject.Inject;
import dev.leadrouter.admin.ConsoleChrome;
import dev.leadrouter.admin.ConsolePage;
import dev.leadrouter.admin.ConsoleReply;
import dev.leadrouter.admin.ConsoleRequest;
import dev.leadrouter.admin.ConsoleTemplates;
import dev.leadrouter.admin.DecisionWhy;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClocks;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why one decision went as it did ({@code ?id=} its id in the log, or {@code ?lead=} a lead id for
 * its latest decision): the same account of it that {@code lead-router explain --lead-id} prints.
 */
final class WhyPage implements ConsolePage {

  private final RoutingLog log;
  private final SlaClocks clocks;
  private final ConsoleTemplates templates;

  @Inject
  WhyPage(RoutingLog log, SlaClocks clocks, ConsoleTemplates templates) {
    this.log = log;
    this.clocks = clocks;
    this.templates = templates;
  }

  @Override
  public String path() {
    return "/console/why";
  }

  @Override
  public ConsoleReply get(ConsoleRequest request) {
    Optional<LoggedDecision> decision = find(request);
    if (decision.isEmpty()) {
      return ConsoleReply.page(
          404,
          templates.render(
              "missing.jte",
              Map.of(
                  "chrome",
                  new ConsoleChrome("No such decision", "search", request.access()),
                  "message",
                  "The routing log has no decision "
                      + request.parameter("id").or(() -> request.parameter("lead")).orElse("")
                      + ".")));
    }
    DecisionWhy why = DecisionWhy.of(decision.get());
    List<LoggedDecision> history = log.findByLead(decision.get().leadId());
    Optional<SlaClock> clock = clocks.forDecision(decision.get().id());
    // The clock is null when SLA tracking is off, which Map.of refuses.
    Map<String, Object> model = new java.util.HashMap<>();
    model.put(
        "chrome",
        new ConsoleChrome(
            "Why lead " + decision.get().leadId() + " went to " + decision.get().owner().name(),
            "search",
            request.access()));
    model.put("why", why);
    model.put("history", history);
    model.put("clock", clock.orElse(null));
    return ConsoleReply.page(templates.render("why.jte", model));
  }

  private Optional<LoggedDecision> find(ConsoleRequest request) {
    Optional<String> id = request.parameter("id");
    if (id.isPresent()) {
      try {
        return log.find(Long.parseLong(id.get()));
      } catch (NumberFormatException notAnId) {
        return Optional.empty();
      }
    }
    return request
        .parameter("lead")
        .flatMap(
            lead -> {
              List<LoggedDecision> all = log.findByLead(lead);
              return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
            });
  }
}

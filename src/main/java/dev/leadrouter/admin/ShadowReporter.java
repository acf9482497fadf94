package dev.leadrouter.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the shadow report: the shadow decisions of a period from the routing log, each beside the
 * owner the org actually gave the lead, asked for in chunks.
 */
public final class ShadowReporter {

  /** Told how many leads' owners were asked for, of how many. */
  @FunctionalInterface
  public interface Progress {
    void update(long done, long total);
  }

  private final RoutingLog log;
  private final OrgOwners org;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  @Inject
  public ShadowReporter(RoutingLog log, RestClient rest, Clock clock) {
    this.log = log;
    this.org = new OrgOwners(rest);
    this.clock = clock;
  }

  /** The report for decisions made at or after {@code since}, up to now. */
  public ShadowReport build(Instant since, Progress progress) {
    Instant now = clock.instant();
    // A lead decided again (after a failed attempt) counts once, by its latest decision.
    Map<SalesforceId, LoggedDecision> latest = new LinkedHashMap<>();
    for (LoggedDecision decision : log.shadowSince(since)) {
      SalesforceId.parse(decision.leadId()).ifPresent(lead -> latest.put(lead, decision));
    }
    List<SalesforceId> leads = List.copyOf(latest.keySet());
    progress.update(0, leads.size());
    Map<SalesforceId, SalesforceId> owners =
        org.ownersOf(leads, done -> progress.update(done, leads.size()));
    List<ShadowComparison> rows = new ArrayList<>(leads.size());
    latest.forEach(
        (lead, decision) ->
            rows.add(
                new ShadowComparison(
                    decision.leadId(),
                    decision.owner(),
                    decision.rule(),
                    team(decision),
                    Optional.ofNullable(owners.get(lead)),
                    decision.decidedAt())));
    return new ShadowReport(since, now, rows, org.namesOf(owners.values()));
  }

  /**
   * The team whose strategy picked the owner; when none did (the waterfall ended in a queue), the
   * team the rule tried first, as that is the team whose routing is in question.
   */
  private String team(LoggedDecision decision) {
    if (decision.strategiesJson() == null) {
      return null;
    }
    JsonNode strategies;
    try {
      strategies = json.readTree(decision.strategiesJson());
    } catch (JsonProcessingException unreadable) {
      return null;
    }
    String owner = decision.owner().id().value();
    for (JsonNode strategy : strategies) {
      if (owner.equals(strategy.path("chosen").asText(null))) {
        return strategy.path("team").asText(null);
      }
    }
    return strategies.isArray() && !strategies.isEmpty()
        ? strategies.get(0).path("team").asText(null)
        : null;
  }
}

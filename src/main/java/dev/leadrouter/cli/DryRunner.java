package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.admin.DryRunRow;
import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.engine.DecisionEngineFactory;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.AccountMatcher;
import dev.leadrouter.match.DuplicateFinder;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.OwnerType;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.score.LeadScorer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * Routes leads from history through a rule set with fresh in-memory rotation state, writing nothing
 * anywhere.
 *
 * <p>Without a fixed moment, each lead is routed as of its creation date, in creation order, so
 * working hours, holidays and rotations play out as they would have. A routed lead then counts
 * against its rep's capacity until its SLA ends (a day when it has none), as if worked by then;
 * otherwise months of history would fill every cap in the first days. With a fixed moment (or leads
 * without a creation date) every lead arrives at that moment and loads only grow.
 */
final class DryRunner {

  static final Duration OPEN_WITHOUT_SLA = Duration.ofDays(1);

  private final LeadNormalizer normalizer;
  private final LeadScorer scorer;

  @Inject
  DryRunner(LeadNormalizer normalizer, LeadScorer scorer) {
    this.normalizer = normalizer;
    this.scorer = scorer;
  }

  /**
   * @param fixed the moment to route every lead as of, or {@code null} for each lead's creation
   * @param fallback the moment for leads without a creation date
   * @param progress told the number of leads routed so far
   * @return one row per lead, in the order routed
   */
  List<DryRunRow> run(
      RuleSet ruleSet,
      List<HistoricLead> leads,
      AccountMatcher accounts,
      Instant fixed,
      Instant fallback,
      LongConsumer progress) {
    LeadTimeClock clock = new LeadTimeClock(fixed == null ? fallback : fixed);
    DecisionEngine engine =
        new DecisionEngineFactory(normalizer, scorer, accounts, DuplicateFinder.NONE).at(clock);
    List<HistoricLead> ordered = leads;
    if (fixed == null) {
      ordered = new ArrayList<>(leads);
      ordered.sort(
          Comparator.comparing(
              HistoricLead::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
    }
    InMemoryRoutingState state = new InMemoryRoutingState();
    PriorityQueue<OpenLead> open = new PriorityQueue<>(Comparator.comparing(OpenLead::until));
    List<DryRunRow> rows = new ArrayList<>(leads.size());
    for (HistoricLead lead : ordered) {
      Instant at = fixed != null || lead.createdAt() == null ? clock.instant() : lead.createdAt();
      clock.set(at);
      if (fixed == null) {
        while (!open.isEmpty() && !open.peek().until().isAfter(at)) {
          SalesforceId user = open.poll().user();
          state.setOpenLoad(user, Math.max(0, state.openLoad(user) - 1));
        }
      }
      Decision decision = engine.decideAndRecord(ruleSet, LeadInput.of(lead.lead()), state);
      if (fixed == null && decision.owner().type() == OwnerType.USER) {
        Duration openFor =
            decision.slaMinutes() == null
                ? OPEN_WITHOUT_SLA
                : Duration.ofMinutes(decision.slaMinutes());
        open.add(new OpenLead(decision.owner().id(), at.plus(openFor)));
      }
      rows.add(DryRunRow.of(lead.owner(), lead.createdAt(), decision));
      if (rows.size() % 1_000 == 0) {
        progress.accept(rows.size());
      }
    }
    progress.accept(rows.size());
    return rows;
  }

  private record OpenLead(SalesforceId user, Instant until) {}

  /** The moment the lead being routed arrives; the engine reads it for working hours. */
  private static final class LeadTimeClock extends Clock {

    private Instant now;

    LeadTimeClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the dry run routes in UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.Mode;
import dev.leadrouter.lead.Lead;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the ops console asks of the routing log and the SLA clocks, on every database. */
abstract class ConsoleQueriesContract extends StoreContract {

  private static final Instant DECIDED = Instant.parse("2026-11-27T09:00:00Z");
  private static final String OTHER_LEAD = "00Q000000000002";
  private static final String THIRD_LEAD = "00Q000000000003";

  private RoutingLog log;
  private long jo;
  private long ann;

  @BeforeEach
  void twoLoggedLeads() {
    log = new RoutingLog(database);
    jo =
        log.record(
            Decisions.toAlice(Decisions.LEAD, DECIDED),
            Mode.LIVE,
            Lead.of(
                Decisions.LEAD,
                Map.of("Email", "Jo.Doe@Example.DE", "Company", "Example 100% GmbH")));
    ann =
        log.record(
            Decisions.to(Decisions.BOB, "Bob Stone", OTHER_LEAD, DECIDED.plusSeconds(60)),
            Mode.LIVE,
            Lead.of(OTHER_LEAD, Map.of("Email", "ann@acme.test", "Company", "Acme")));
    log.record(Decisions.toAlice(THIRD_LEAD, DECIDED.plusSeconds(120)), Mode.SHADOW);
  }

  private java.util.List<Long> ids(DecisionSearch.Field field, String text) {
    return log.search(new DecisionSearch(field, text), 50).stream()
        .map(LoggedDecision::id)
        .toList();
  }

  @Test
  void findsADecisionByTheLeadsEmailWhateverItsCase() {
    assertThat(ids(DecisionSearch.Field.EMAIL, " jo.doe@example.de ")).containsExactly(jo);
    assertThat(ids(DecisionSearch.Field.EMAIL, "JO.DOE@EXAMPLE.DE")).containsExactly(jo);
    assertThat(ids(DecisionSearch.Field.EMAIL, "jo.doe@example")).isEmpty();
    assertThat(log.find(jo).orElseThrow().leadEmail()).isEqualTo("jo.doe@example.de");
  }

  @Test
  void findsByTheStartOfTheCompanyTakingWildcardsLiterally() {
    assertThat(ids(DecisionSearch.Field.COMPANY, "example")).containsExactly(jo);
    assertThat(ids(DecisionSearch.Field.COMPANY, "Example 100%")).containsExactly(jo);
    assertThat(ids(DecisionSearch.Field.COMPANY, "Example 1000%")).isEmpty();
    assertThat(ids(DecisionSearch.Field.COMPANY, "%")).isEmpty();
    assertThat(ids(DecisionSearch.Field.COMPANY, "_cme")).isEmpty();
  }

  @Test
  void findsByLeadIdOwnerIdOrPartOfTheOwnersNameNewestFirst() {
    assertThat(ids(DecisionSearch.Field.LEAD_ID, OTHER_LEAD)).containsExactly(ann);
    assertThat(ids(DecisionSearch.Field.OWNER, "stone")).containsExactly(ann);
    assertThat(ids(DecisionSearch.Field.OWNER, Decisions.ALICE.value())).hasSize(2).contains(jo);
    assertThat(ids(DecisionSearch.Field.RULE, "emea INBOUND")).hasSize(3).endsWith(jo);
  }

  @Test
  void aSearchReturnsNoMoreThanTheLimit() {
    assertThat(log.search(new DecisionSearch(DecisionSearch.Field.RULE, "EMEA inbound"), 2))
        .hasSize(2);
  }

  @Test
  void aDecisionIsFoundByItsIdWithItsAccountMatch() {
    LoggedDecision found = log.find(ann).orElseThrow();
    assertThat(found.leadId()).isEqualTo(OTHER_LEAD);
    assertThat(found.accountJson()).contains("email domain", "0.92");
    assertThat(log.find(ann + 1000)).isEmpty();
  }

  @Test
  void countsDecisionsPerRuleAndOwnerSinceATimeInOneMode() {
    assertThat(log.ruleHitsSince(DECIDED, Mode.LIVE))
        .containsExactly(Map.entry("EMEA inbound", 2L));
    assertThat(log.ruleHitsSince(DECIDED.plusSeconds(30), Mode.LIVE))
        .containsExactly(Map.entry("EMEA inbound", 1L));
    assertThat(log.ownerHitsSince(DECIDED, Mode.LIVE))
        .containsOnly(Map.entry("Alice", 1L), Map.entry("Bob Stone", 1L));
    assertThat(log.ownerHitsSince(DECIDED, Mode.SHADOW)).containsExactly(Map.entry("Alice", 1L));
  }

  @Test
  void listsDecisionsSinceATimeNewestFirstUpToALimit() {
    assertThat(log.decidedSince(DECIDED.plusSeconds(30), 10))
        .extracting(LoggedDecision::leadId)
        .containsExactly(THIRD_LEAD, OTHER_LEAD);
    assertThat(log.decidedSince(DECIDED, 1))
        .extracting(LoggedDecision::leadId)
        .containsExactly(THIRD_LEAD);
  }

  @Test
  void theSlaBoardSeesOpenClocksSoonestDueFirstAndRecentBreaches() {
    SlaClocks clocks = new SlaClocks(database);
    SlaClock later = clocks.open(clock(jo, Decisions.LEAD, DECIDED.plusSeconds(600)));
    SlaClock sooner = clocks.open(clock(ann, OTHER_LEAD, DECIDED));
    clocks.markBreached(sooner.id(), DECIDED.plus(Duration.ofMinutes(6)));

    assertThat(clocks.allOpen()).extracting(SlaClock::id).containsExactly(sooner.id(), later.id());
    assertThat(clocks.breachedSince(DECIDED)).extracting(SlaClock::id).containsExactly(sooner.id());
    assertThat(clocks.breachedSince(DECIDED.plus(Duration.ofMinutes(7)))).isEmpty();
  }

  private static NewSlaClock clock(long decisionId, String leadId, Instant startedAt) {
    return SlaClockFixtures.hotWebLead(leadId, decisionId, Decisions.ALICE.value(), startedAt);
  }
}

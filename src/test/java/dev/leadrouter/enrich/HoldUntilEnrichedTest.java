package dev.leadrouter.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.EnrichmentHoldSettings;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldUntilEnrichedTest {

  private static final Instant START = Instant.parse("2026-11-04T15:00:00Z");

  private final MutableClock clock = new MutableClock(START);

  private HoldUntilEnriched holding(int maxHeld) {
    return new HoldUntilEnriched(
        new EnrichmentHoldSettings(
            List.of("Industry", "NumberOfEmployees"), Duration.ofSeconds(30), maxHeld),
        clock);
  }

  @Test
  void aLeadThatHasTheFieldsGoesAtOnce() {
    HoldUntilEnriched hold = holding(10);
    Lead complete = lead("00Q1", "Industry", "Retail", "NumberOfEmployees", "40");

    List<Release> released = hold.hold("00Q1", complete);

    assertThat(released)
        .containsExactly(new Release("00Q1", complete, Release.Why.COMPLETE, Duration.ZERO));
    assertThat(released.get(0).inputReasons()).isEmpty();
    assertThat(hold.size()).isZero();
  }

  @Test
  void aLeadWaitsUntilEveryFieldArrivedThenGoesWithThemMerged() {
    HoldUntilEnriched hold = holding(10);

    assertThat(hold.hold("00Q1", lead("00Q1", "Company", "Acme", "Industry", "Retail"))).isEmpty();
    assertThat(hold.isHeld("00Q1")).isTrue();

    clock.advance(Duration.ofSeconds(3));
    assertThat(hold.update("00Q1", Map.of("Title", "CTO"))).isEmpty();
    clock.advance(Duration.ofSeconds(2));
    List<Release> released = hold.update("00Q1", Map.of("NumberOfEmployees", "1200"));

    assertThat(released).hasSize(1);
    Release release = released.get(0);
    assertThat(release.why()).isEqualTo(Release.Why.ENRICHED);
    assertThat(release.waited()).isEqualTo(Duration.ofSeconds(5));
    assertThat(release.inputReasons()).isEmpty();
    assertThat(release.lead().fields())
        .containsEntry("company", "Acme")
        .containsEntry("industry", "Retail")
        .containsEntry("title", "CTO")
        .containsEntry("numberofemployees", "1200");
    assertThat(hold.isHeld("00Q1")).isFalse();
    assertThat(hold.update("00Q1", Map.of("Industry", "Tech"))).isEmpty();
  }

  @Test
  void updatesOfLeadsNotHeldReleaseNothing() {
    assertThat(holding(10).update("00Q9", Map.of("Industry", "Retail"))).isEmpty();
  }

  @Test
  void leadsPastTheMaximumWaitGoWithTheTimeoutReasonOldestFirst() {
    HoldUntilEnriched hold = holding(10);
    hold.hold("00Q1", lead("00Q1"));
    clock.advance(Duration.ofSeconds(10));
    hold.hold("00Q2", lead("00Q2"));
    clock.advance(Duration.ofSeconds(10));
    hold.hold("00Q3", lead("00Q3"));
    assertThat(hold.nextExpiry()).contains(START.plusSeconds(30));

    clock.advance(Duration.ofSeconds(9)); // 29 s after the first
    assertThat(hold.expired()).isEmpty();

    clock.advance(Duration.ofSeconds(11)); // 40 s, 30 s, 20 s
    List<Release> released = hold.expired();

    assertThat(released).extracting(Release::leadId).containsExactly("00Q1", "00Q2");
    assertThat(released)
        .allSatisfy(
            r -> {
              assertThat(r.why()).isEqualTo(Release.Why.TIMED_OUT);
              assertThat(r.inputReasons()).containsExactly(ReasonCode.ENRICHMENT_TIMEOUT);
            });
    assertThat(released.get(0).waited()).isEqualTo(Duration.ofSeconds(40));
    assertThat(hold.size()).isEqualTo(1);
    assertThat(hold.nextExpiry()).contains(START.plusSeconds(50));
  }

  @Test
  void beyondTheBoundTheLongestWaitingLeadMakesRoom() {
    HoldUntilEnriched hold = holding(2);
    hold.hold("00Q1", lead("00Q1", "Industry", "Retail"));
    clock.advance(Duration.ofSeconds(1));
    hold.hold("00Q2", lead("00Q2"));
    clock.advance(Duration.ofSeconds(1));

    List<Release> released = hold.hold("00Q3", lead("00Q3"));

    assertThat(released).hasSize(1);
    assertThat(released.get(0).leadId()).isEqualTo("00Q1");
    assertThat(released.get(0).why()).isEqualTo(Release.Why.EVICTED);
    assertThat(released.get(0).lead().get("Industry")).isEqualTo("Retail");
    assertThat(released.get(0).inputReasons()).containsExactly(ReasonCode.ENRICHMENT_TIMEOUT);
    assertThat(hold.size()).isEqualTo(2);
    assertThat(hold.isHeld("00Q2")).isTrue();
    assertThat(hold.isHeld("00Q3")).isTrue();
  }

  @Test
  void aReplayedCreateEventUpdatesTheHeldLeadAndKeepsItsPlace() {
    HoldUntilEnriched hold = holding(10);
    hold.hold("00Q1", lead("00Q1", "Industry", "Retail"));
    clock.advance(Duration.ofSeconds(31));

    assertThat(hold.hold("00Q1", lead("00Q1", "Company", "Acme"))).isEmpty();
    List<Release> released = hold.expired();

    assertThat(released).hasSize(1);
    assertThat(released.get(0).lead().get("Company")).isEqualTo("Acme");
    assertThat(released.get(0).lead().get("Industry")).isEqualTo("Retail");
  }

  @Test
  void withNoFieldsConfiguredNothingWaits() {
    HoldUntilEnriched hold = new HoldUntilEnriched(EnrichmentHoldSettings.disabled(), clock);

    assertThat(hold.hold("00Q1", lead("00Q1")))
        .extracting(Release::why)
        .containsExactly(Release.Why.COMPLETE);
    assertThat(hold.nextExpiry()).isEmpty();
  }

  private static Lead lead(String id, String... namesAndValues) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Lead.of(id, fields);
  }
}

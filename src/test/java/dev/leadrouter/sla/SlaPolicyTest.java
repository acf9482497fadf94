package dev.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.BusinessHoursSettings;
import dev.leadrouter.config.SlaEscalationSettings;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.config.SlaTaskSettings;
import dev.leadrouter.config.SlaTierSettings;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.WorkingHours;
import dev.leadrouter.score.LeadScore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final SalesforceId ALICE = new SalesforceId("005000000000001");
  private static final SalesforceId QUEUE = new SalesforceId("00G000000000001");

  private static SlaSettings settings(boolean enabled) {
    return new SlaSettings(
        enabled,
        Map.of(
            "hot",
            new SlaTierSettings("hot", Duration.ofMinutes(5), false),
            "warm",
            new SlaTierSettings("warm", Duration.ofHours(1), true),
            SlaSettings.DEFAULT_TIER,
            new SlaTierSettings(SlaSettings.DEFAULT_TIER, Duration.ofHours(4), true)),
        List.of("Open - Not Contacted"),
        new BusinessHoursSettings(
            NEW_YORK,
            WorkingHours.parse("Mon-Fri 09:00-17:00"),
            List.of(LocalDate.of(2026, 12, 25)),
            true),
        new SlaEscalationSettings(
            true, Optional.of(Duration.ofMinutes(30)), 1, Duration.ofHours(48), Optional.empty()),
        new SlaTaskSettings("Follow up with {lead}", "High", Duration.ZERO),
        dev.leadrouter.config.NotifySettings.none());
  }

  private final SlaPolicy policy = new SlaPolicy(settings(true));

  private static Instant ny(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  private static Decision decision(Owner owner, String tier, Integer minutes, Instant at) {
    return new Decision(
        "00Q000000000001",
        owner,
        "Inbound",
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        new LeadScore(10, 10, tier, minutes, List.of()),
        null,
        minutes,
        false,
        at,
        "v1",
        List.of());
  }

  private static Owner alice() {
    return Owner.user(ALICE, "Alice");
  }

  @Test
  void hotLeadsAreDueFiveWallClockMinutesLaterEvenOnSaturdayNight() {
    Instant saturdayNight = ny("2026-11-21T23:00");

    SlaTerms terms =
        policy
            .termsFor(decision(alice(), "hot", null, saturdayNight), Optional.empty())
            .orElseThrow();

    assertThat(terms.tier()).isEqualTo("hot");
    assertThat(terms.dueAt()).isEqualTo(saturdayNight.plus(Duration.ofMinutes(5)));
    assertThat(terms.recycleAt()).isEqualTo(saturdayNight.plus(Duration.ofHours(48)));
  }

  @Test
  void warmLeadsRoutedFridayEveningAreDueMondayMorning() {
    SlaTerms terms =
        policy
            .termsFor(decision(alice(), "warm", null, ny("2026-11-20T18:00")), Optional.empty())
            .orElseThrow();

    assertThat(terms.businessHours()).isTrue();
    assertThat(terms.dueAt()).isEqualTo(ny("2026-11-23T10:00"));
  }

  @Test
  void theRulesMinutesWinOverTheTiersDefault() {
    SlaTerms terms =
        policy
            .termsFor(decision(alice(), "warm", 15, ny("2026-11-24T10:00")), Optional.empty())
            .orElseThrow();

    assertThat(terms.firstTouch()).isEqualTo(Duration.ofMinutes(15));
    assertThat(terms.dueAt()).isEqualTo(ny("2026-11-24T10:15"));
  }

  @Test
  void leadsWithoutATierOfTheirOwnGetTheDefault() {
    SlaTerms terms =
        policy
            .termsFor(decision(alice(), null, null, ny("2026-11-24T15:00")), Optional.empty())
            .orElseThrow();

    assertThat(terms.tier()).isEqualTo(SlaSettings.DEFAULT_TIER);
    assertThat(terms.dueAt()).isEqualTo(ny("2026-11-25T11:00"));
  }

  @Test
  void theOwnersZoneAndWorkingHoursCountWhenTheSettingsSaySo() {
    Rep berliner =
        new Rep(
            ALICE,
            "Alice",
            true,
            ZoneId.of("Europe/Berlin"),
            WorkingHours.parse("Mon-Fri 08:00-12:00"),
            List.of());

    SlaTerms terms =
        policy
            .termsFor(
                decision(alice(), "warm", null, Instant.parse("2026-11-24T10:30:00Z")),
                Optional.of(berliner))
            .orElseThrow();

    // 11:30 in Berlin: half an hour left today, the other half from 08:00 tomorrow.
    assertThat(terms.dueAt()).isEqualTo(Instant.parse("2026-11-25T07:30:00Z"));
  }

  @Test
  void aTouchOneSecondBeforeTheDeadlineMeetsItAndOneSecondAfterDoesNot() {
    SlaTerms terms =
        policy
            .termsFor(decision(alice(), "warm", null, ny("2026-11-20T16:30")), Optional.empty())
            .orElseThrow();
    Instant due = ny("2026-11-23T09:30");
    assertThat(terms.dueAt()).isEqualTo(due);

    assertThat(terms.metBy(due.minusSeconds(1))).isTrue();
    assertThat(terms.metBy(due)).isTrue();
    assertThat(terms.metBy(due.plusSeconds(1))).isFalse();
    assertThat(terms.breachedAt(due.minusSeconds(1))).isFalse();
    assertThat(terms.breachedAt(due)).isFalse();
    assertThat(terms.breachedAt(due.plusSeconds(1))).isTrue();
  }

  @Test
  void queuesShadowDecisionsAndDisabledTrackingMakeNoPromise() {
    Instant at = ny("2026-11-24T10:00");
    Decision toQueue = decision(Owner.queue(QUEUE, "Inbound queue"), "hot", null, at);
    Decision base = decision(alice(), "hot", null, at);
    Decision shadow =
        new Decision(
            base.leadId(),
            base.owner(),
            base.rule(),
            base.reasons(),
            base.path(),
            base.strategies(),
            base.inputs(),
            base.score(),
            base.account(),
            base.slaMinutes(),
            true,
            base.decidedAt(),
            base.ruleSetVersion(),
            base.stateChanges());

    assertThat(policy.termsFor(toQueue, Optional.empty())).isEmpty();
    assertThat(policy.termsFor(shadow, Optional.empty())).isEmpty();
    assertThat(new SlaPolicy(settings(false)).termsFor(base, Optional.empty())).isEmpty();
    assertThat(policy.termsFor(base, Optional.empty())).isPresent();
  }
}

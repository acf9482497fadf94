package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.GENERAL;
import static dev.leadrouter.route.RouteFixtures.OVERFLOW;
import static dev.leadrouter.route.RouteFixtures.THURSDAY;
import static dev.leadrouter.route.RouteFixtures.days;
import static dev.leadrouter.route.RouteFixtures.decide;
import static dev.leadrouter.route.RouteFixtures.ignoringWorkingHours;
import static dev.leadrouter.route.RouteFixtures.inactive;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.member;
import static dev.leadrouter.route.RouteFixtures.memberState;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.request;
import static dev.leadrouter.route.RouteFixtures.rule;
import static dev.leadrouter.route.RouteFixtures.switchedOff;
import static dev.leadrouter.route.RouteFixtures.team;
import static dev.leadrouter.route.RouteFixtures.teamRule;
import static dev.leadrouter.route.RouteFixtures.withFallback;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether a rep can take a lead at an instant, judged in the rep's own time zone, and how the
 * decision's strategy trace names the reason when they cannot. Tests run in America/Los_Angeles, so
 * any use of the JVM's zone instead of the rep's shows up here.
 */
class AvailabilityTest {

  private static final String TEAM = "Sales";

  /** One-member team with an overflow queue, so an unavailable rep sends the lead there. */
  private static RuleSet oneRepTeam(Rep rep, TeamMember member, String... holidays) {
    return newRuleSet()
        .reps(rep)
        .holidays(holidays)
        .team(withFallback(team(TEAM, Strategy.ROUND_ROBIN, member), null, OVERFLOW))
        .rule(teamRule("Sales_Rule", 10, TEAM))
        .build();
  }

  private static Decision routeAt(RuleSet ruleSet, Instant at, InMemoryRoutingState state) {
    return decide(ruleSet, request(lead()), at, state);
  }

  private static Decision routeAt(RuleSet ruleSet, Instant at) {
    return routeAt(ruleSet, at, new InMemoryRoutingState());
  }

  private static void assertAvailable(Decision decision, Rep rep) {
    assertThat(memberState(decision, TEAM, rep.id()).unavailable()).as("reason").isNull();
    assertThat(decision.owner()).isEqualTo(rep.asOwner());
  }

  private static void assertUnavailable(Decision decision, Rep rep, ReasonCode why) {
    assertThat(memberState(decision, TEAM, rep.id()).unavailable()).isEqualTo(why);
    assertThat(decision.owner()).isEqualTo(OVERFLOW.asOwner());
    assertThat(decision.reasons())
        .containsExactly(ReasonCode.NO_AVAILABLE_MEMBER, ReasonCode.FALLBACK_QUEUE);
  }

  @ParameterizedTest(name = "{0} ({1} in Berlin) -> available: {2}")
  @CsvSource({
    // An ordinary week in winter (CET, UTC+1).
    "2026-03-05T07:59:00Z, Thu 08:59 CET, false",
    "2026-03-05T08:00:00Z, Thu 09:00 CET, true",
    "2026-03-05T15:59:59Z, Thu 16:59:59 CET, true",
    "2026-03-05T16:00:00Z, Thu 17:00 CET, false",
    "2026-03-07T10:00:00Z, Sat 11:00 CET, false",
    "2026-03-08T23:30:00Z, Mon 00:30 CET, false",
    // Clocks go forward in Berlin on Sunday 29 March 2026 (CET -> CEST, UTC+2).
    "2026-03-27T07:30:00Z, Fri 08:30 CET, false",
    "2026-03-27T08:00:00Z, Fri 09:00 CET, true",
    "2026-03-30T06:59:00Z, Mon 08:59 CEST, false",
    "2026-03-30T07:00:00Z, Mon 09:00 CEST, true",
    "2026-03-30T14:59:00Z, Mon 16:59 CEST, true",
    "2026-03-30T15:00:00Z, Mon 17:00 CEST, false",
    // Clocks go back on Sunday 25 October 2026 (CEST -> CET), a week before Los Angeles does.
    "2026-10-23T07:00:00Z, Fri 09:00 CEST, true",
    "2026-10-23T15:00:00Z, Fri 17:00 CEST, false",
    "2026-10-26T07:00:00Z, Mon 08:00 CET, false",
    "2026-10-26T07:59:00Z, Mon 08:59 CET, false",
    "2026-10-26T08:00:00Z, Mon 09:00 CET, true",
    "2026-10-26T15:59:00Z, Mon 16:59 CET, true",
  })
  void workingHoursAreReadInTheRepsTimeZone(Instant at, String berlinTime, boolean available) {
    String pattern = berlinTime.split(" ")[1].length() > 5 ? "EEE HH:mm:ss zzz" : "EEE HH:mm zzz";
    assertThat(
            DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)
                .format(at.atZone(ZoneId.of("Europe/Berlin"))))
        .as("test data: Berlin time of %s", at)
        .isEqualTo(berlinTime);
    Rep bob = rep(1, "Bob", "Europe/Berlin", "Mon-Fri 09:00-17:00");
    Decision decision = routeAt(oneRepTeam(bob, member(bob)), at);

    if (available) {
      assertAvailable(decision, bob);
    } else {
      assertUnavailable(decision, bob, ReasonCode.OUTSIDE_WORKING_HOURS);
    }
  }

  @Test
  void severalWindowsAndWindowsToMidnight() {
    Rep bob =
        rep(1, "Bob", "Europe/Berlin", "Mon-Fri 09:00-12:00; Mon-Fri 13:00-17:00; Sat 20:00-24:00");
    RuleSet ruleSet = oneRepTeam(bob, member(bob));

    // 12:30 Berlin on a Thursday: lunch.
    assertUnavailable(
        routeAt(ruleSet, Instant.parse("2026-03-05T11:30:00Z")),
        bob,
        ReasonCode.OUTSIDE_WORKING_HOURS);
    assertAvailable(routeAt(ruleSet, Instant.parse("2026-03-05T12:00:00Z")), bob);
    // 23:59:59 Berlin on a Saturday is still inside a window ending at 24:00.
    assertAvailable(routeAt(ruleSet, Instant.parse("2026-03-07T22:59:59Z")), bob);
  }

  @Test
  void holidaysAreDaysInTheRepsTimeZone() {
    Rep berlin = rep(1, "Bea", "Europe/Berlin", "always");
    Rep newYork = rep(2, "Ned", "America/New_York", "always");
    RuleSet inBerlin = oneRepTeam(berlin, member(berlin), "2026-12-24");
    RuleSet inNewYork = oneRepTeam(newYork, member(newYork), "2026-12-24");

    // 23:30 UTC on the 23rd: already the 24th in Berlin, still the 23rd in New York.
    Instant lateOn23rd = Instant.parse("2026-12-23T23:30:00Z");
    assertUnavailable(routeAt(inBerlin, lateOn23rd), berlin, ReasonCode.HOLIDAY);
    assertAvailable(routeAt(inNewYork, lateOn23rd), newYork);

    // 02:00 UTC on the 25th: Christmas Day in Berlin (not listed), Christmas Eve in New York.
    Instant earlyOn25th = Instant.parse("2026-12-25T02:00:00Z");
    assertAvailable(routeAt(inBerlin, earlyOn25th), berlin);
    assertUnavailable(routeAt(inNewYork, earlyOn25th), newYork, ReasonCode.HOLIDAY);
  }

  @Test
  void holidaysAndWorkingHoursDoNotApplyToTeamsThatIgnoreWorkingHours() {
    Rep bob = rep(1, "Bob", "Europe/Berlin", "Mon-Fri 09:00-17:00");
    RuleSet ruleSet =
        newRuleSet()
            .reps(bob)
            .holidays("2026-12-24")
            .team(
                ignoringWorkingHours(
                    withFallback(team(TEAM, Strategy.ROUND_ROBIN, member(bob)), null, OVERFLOW)))
            .rule(teamRule("Sales_Rule", 10, TEAM))
            .build();

    assertAvailable(routeAt(ruleSet, Instant.parse("2026-12-24T03:00:00Z")), bob);
  }

  @Test
  void outOfOfficeCoversWholeDaysInTheRepsTimeZoneBothEndsIncluded() {
    Rep grace = rep(1, "Grace", "America/New_York", "always", days("2026-12-21", "2027-01-01"));
    RuleSet ruleSet = oneRepTeam(grace, member(grace));

    // 23:59 on 20 Dec in New York, then 00:00 on the 21st.
    assertAvailable(routeAt(ruleSet, Instant.parse("2026-12-21T04:59:00Z")), grace);
    assertUnavailable(
        routeAt(ruleSet, Instant.parse("2026-12-21T05:00:00Z")), grace, ReasonCode.OUT_OF_OFFICE);
    // 23:00 on 1 Jan in New York (already the 2nd in UTC), then midnight.
    assertUnavailable(
        routeAt(ruleSet, Instant.parse("2027-01-02T04:00:00Z")), grace, ReasonCode.OUT_OF_OFFICE);
    assertAvailable(routeAt(ruleSet, Instant.parse("2027-01-02T05:00:00Z")), grace);
  }

  @Test
  void outOfOfficeAppliesEvenWhenTheTeamIgnoresWorkingHours() {
    Rep grace = rep(1, "Grace", "America/New_York", "always", days("2026-03-05", "2026-03-05"));
    RuleSet ruleSet =
        newRuleSet()
            .reps(grace)
            .team(
                ignoringWorkingHours(
                    withFallback(team(TEAM, Strategy.ROUND_ROBIN, member(grace)), null, OVERFLOW)))
            .rule(teamRule("Sales_Rule", 10, TEAM))
            .build();

    assertUnavailable(
        routeAt(ruleSet, Instant.parse("2026-03-05T15:00:00Z")), grace, ReasonCode.OUT_OF_OFFICE);
  }

  @Test
  void inactiveUsersAreNeverCandidates() {
    Rep kim = inactive(rep(1, "Kim"));
    assertUnavailable(
        routeAt(oneRepTeam(kim, member(kim)), THURSDAY), kim, ReasonCode.USER_INACTIVE);
  }

  @Test
  void membershipsSwitchedOffAreNeverCandidates() {
    Rep kim = rep(1, "Kim");
    assertUnavailable(
        routeAt(oneRepTeam(kim, switchedOff(kim)), THURSDAY), kim, ReasonCode.MEMBER_INACTIVE);
  }

  @Test
  void usersTheRuleSetDoesNotKnowAreNeverCandidates() {
    Rep listed = rep(1, "Listed");
    Rep unlisted = rep(2, "Unlisted");
    RuleSet ruleSet =
        newRuleSet()
            .reps(listed)
            .team(withFallback(team(TEAM, Strategy.ROUND_ROBIN, member(unlisted)), null, OVERFLOW))
            .rule(teamRule("Sales_Rule", 10, TEAM))
            .build();

    assertUnavailable(routeAt(ruleSet, THURSDAY), unlisted, ReasonCode.UNKNOWN_USER);
  }

  @Test
  void membersAtTheirCapAreNotCandidatesAndTheTraceShowsTheirLoad() {
    Rep dev = rep(1, "Dev");
    RuleSet ruleSet = oneRepTeam(dev, member(dev, 1, 3));
    InMemoryRoutingState state = new InMemoryRoutingState();

    state.setOpenLoad(dev.id(), 2);
    Decision underCap = routeAt(ruleSet, THURSDAY, state);
    assertAvailable(underCap, dev);
    assertThat(memberState(underCap, TEAM, dev.id()).openLoad()).isEqualTo(2);

    state.setOpenLoad(dev.id(), 3);
    Decision atCap = routeAt(ruleSet, THURSDAY, state);
    assertUnavailable(atCap, dev, ReasonCode.AT_CAPACITY);
    MemberState trace = memberState(atCap, TEAM, dev.id());
    assertThat(trace.openLoad()).isEqualTo(3);
    assertThat(trace.capacity()).isEqualTo(3);
    assertThat(trace.name()).isEqualTo("Dev");
  }

  @Test
  void inactiveIsReportedBeforeOutOfOfficeAndOutOfOfficeBeforeWorkingHours() {
    Rep both =
        inactive(
            rep(
                1,
                "Both",
                "Europe/Berlin",
                "Mon-Fri 09:00-17:00",
                days("2026-03-05", "2026-03-05")));
    assertUnavailable(
        routeAt(oneRepTeam(both, member(both)), Instant.parse("2026-03-05T03:00:00Z")),
        both,
        ReasonCode.USER_INACTIVE);

    Rep away =
        rep(2, "Away", "Europe/Berlin", "Mon-Fri 09:00-17:00", days("2026-03-05", "2026-03-05"));
    assertUnavailable(
        routeAt(oneRepTeam(away, member(away)), Instant.parse("2026-03-05T03:00:00Z")),
        away,
        ReasonCode.OUT_OF_OFFICE);
  }

  @Test
  void aDirectUserRuleSkipsAnAwayUserToTheGeneralQueueAndSaysWhy() {
    Rep grace = rep(1, "Grace", "America/New_York", "always", days("2026-03-01", "2026-03-31"));
    RuleSet ruleSet =
        newRuleSet()
            .reps(grace)
            .generalQueue()
            .rule(rule("To_Grace", 10, new RuleAction.AssignUser(grace.id())))
            .build();

    Decision decision = routeAt(ruleSet, THURSDAY);

    assertThat(decision.owner()).isEqualTo(GENERAL.asOwner());
    assertThat(decision.rule()).isEqualTo("To_Grace");
    assertThat(decision.reasons())
        .containsExactly(
            ReasonCode.USER_UNAVAILABLE, ReasonCode.OUT_OF_OFFICE, ReasonCode.GENERAL_QUEUE);
  }

  @Test
  void aDirectUserRuleGivesTheLeadToTheUserOutsideTheirWorkingHours() {
    // Direct assignment only stops for inactive or out-of-office users, not for the clock.
    Rep bob = rep(1, "Bob", "Europe/Berlin", "Mon-Fri 09:00-17:00");
    RuleSet ruleSet =
        newRuleSet()
            .reps(bob)
            .rule(rule("To_Bob", 10, new RuleAction.AssignUser(bob.id())))
            .build();

    Decision decision = routeAt(ruleSet, Instant.parse("2026-03-07T02:00:00Z"));

    assertThat(decision.owner()).isEqualTo(bob.asOwner());
    assertThat(decision.reasons()).containsExactly(ReasonCode.DIRECT_USER);
    assertThat(decision.stateChanges()).containsExactly(new StateChange.LoadChanged(bob.id(), 1));
  }
}

package dev.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.route.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final BusinessCalendar office =
      new BusinessCalendar(
          NEW_YORK, WorkingHours.parse("Mon-Fri 09:00-17:00"), Set.of(LocalDate.of(2026, 12, 25)));

  /** A New York wall-clock time as an instant. */
  private static Instant ny(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  @Nested
  class Deadlines {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
      // within the day
      "2026-11-24T10:00, PT1H, 2026-11-24T11:00",
      // before opening: counts from 09:00
      "2026-11-24T07:00, PT1H, 2026-11-24T10:00",
      // ends exactly at closing time: due then, not next morning
      "2026-11-24T16:00, PT1H, 2026-11-24T17:00",
      // runs over closing into the next morning
      "2026-11-24T16:30, PT1H, 2026-11-25T09:30",
      // Friday evening counts from Monday morning
      "2026-11-20T18:00, PT1H, 2026-11-23T10:00",
      // Friday afternoon: half an hour on Friday, half on Monday
      "2026-11-20T16:30, PT1H, 2026-11-23T09:30",
      // Saturday and Sunday starts
      "2026-11-21T11:00, PT1H, 2026-11-23T10:00",
      "2026-11-22T23:59, PT5M, 2026-11-23T09:05",
      // a holiday Friday (Christmas): Thursday afternoon runs to Monday
      "2026-12-24T16:30, PT1H, 2026-12-28T09:30",
      // a start on the holiday itself
      "2026-12-25T10:00, PT1H, 2026-12-28T10:00",
      // a whole business day and more
      "2026-11-24T09:00, PT9H, 2026-11-25T10:00",
      // zero time: due at the next opening moment, or at once when open
      "2026-11-21T11:00, PT0S, 2026-11-23T09:00",
      "2026-11-24T12:00, PT0S, 2026-11-24T12:00",
    })
    void inBusinessHours(String start, Duration amount, String due) {
      assertThat(office.plusBusinessTime(ny(start), amount)).isEqualTo(ny(due));
    }

    @Test
    void springForwardWeekendStillOpensAtNineLocalTime() {
      // DST starts Sunday 2026-03-08: Friday is EST (UTC-5), Monday EDT (UTC-4).
      Instant friday = ny("2026-03-06T16:30");
      assertThat(friday).isEqualTo(Instant.parse("2026-03-06T21:30:00Z"));

      Instant due = office.plusBusinessTime(friday, Duration.ofHours(1));

      assertThat(due).isEqualTo(Instant.parse("2026-03-09T13:30:00Z"));
      assertThat(due.atZone(NEW_YORK).toLocalTime()).hasToString("09:30");
    }

    @Test
    void fallBackWeekendStillOpensAtNineLocalTime() {
      // DST ends Sunday 2026-11-01: Friday is EDT (UTC-4), Monday EST (UTC-5).
      Instant due = office.plusBusinessTime(ny("2026-10-30T16:30"), Duration.ofHours(1));

      assertThat(due).isEqualTo(Instant.parse("2026-11-02T14:30:00Z"));
    }

    @Test
    void aWindowAcrossTheSpringForwardGapHoldsOnlyTheTimeThatReallyPasses() {
      // 01:00-04:00 on 2026-03-08 lasts two real hours: 02:00-03:00 does not exist that night.
      BusinessCalendar night =
          new BusinessCalendar(NEW_YORK, WorkingHours.parse("Sun 01:00-04:00"), Set.of());
      Instant opening = ny("2026-03-08T01:00");

      assertThat(night.plusBusinessTime(opening, Duration.ofHours(2)))
          .isEqualTo(ny("2026-03-08T04:00"));
      assertThat(night.plusBusinessTime(opening, Duration.ofMinutes(121)))
          .isEqualTo(ny("2026-03-15T01:01"));
    }

    @Test
    void aroundTheClockCountsRealElapsedTimeAcrossDst() {
      BusinessCalendar always = BusinessCalendar.aroundTheClock(NEW_YORK);
      Instant saturdayNoon = ny("2026-03-07T12:00");

      Instant due = always.plusBusinessTime(saturdayNoon, Duration.ofHours(24));

      // 24 real hours later the wall clock says 13:00, one hour having been skipped.
      assertThat(due).isEqualTo(saturdayNoon.plus(Duration.ofHours(24)));
      assertThat(due).isEqualTo(ny("2026-03-08T13:00"));
    }

    @Test
    void theOwnersZoneDecidesWhenTheDayStarts() {
      BusinessCalendar berlin =
          new BusinessCalendar(BERLIN, WorkingHours.parse("Mon-Fri 09:00-17:00"), Set.of());
      // Friday 18:00 in New York is Saturday 00:00 in Berlin: Monday 09:00 Berlin is next.
      Instant due = berlin.plusBusinessTime(ny("2026-11-20T18:00"), Duration.ofMinutes(30));

      assertThat(due).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
    }

    @Test
    void splitDaysSkipTheLunchBreak() {
      BusinessCalendar split =
          new BusinessCalendar(
              NEW_YORK, WorkingHours.parse("Mon-Fri 09:00-12:00; Mon-Fri 13:00-17:00"), Set.of());

      assertThat(split.plusBusinessTime(ny("2026-11-24T11:30"), Duration.ofHours(1)))
          .isEqualTo(ny("2026-11-24T13:30"));
    }

    @Test
    void negativeAmountsAreRejected() {
      assertThatThrownBy(
              () -> office.plusBusinessTime(ny("2026-11-24T10:00"), Duration.ofMinutes(-1)))
          .hasMessageContaining("must not be negative");
    }
  }

  @Nested
  class ElapsedBusinessTime {

    @ParameterizedTest(name = "{0} .. {1} = {2}")
    @CsvSource({
      "2026-11-24T10:00, 2026-11-24T10:45, PT45M",
      "2026-11-20T16:00, 2026-11-23T10:00, PT2H",
      "2026-11-21T10:00, 2026-11-22T10:00, PT0S",
      "2026-12-24T16:00, 2026-12-28T09:30, PT1H30M",
      "2026-11-24T12:00, 2026-11-24T11:00, PT0S",
      "2026-03-06T16:00, 2026-03-09T10:00, PT2H",
    })
    void countsOnlyOpenTime(String from, String to, Duration expected) {
      assertThat(office.businessTimeBetween(ny(from), ny(to))).isEqualTo(expected);
    }

    @Test
    void overlappingWindowsCountOnce() {
      BusinessCalendar overlapping =
          new BusinessCalendar(
              NEW_YORK, WorkingHours.parse("Mon 09:00-13:00; Mon 12:00-17:00"), Set.of());

      assertThat(overlapping.businessTimeBetween(ny("2026-11-23T00:00"), ny("2026-11-24T00:00")))
          .isEqualTo(Duration.ofHours(8));
      assertThat(overlapping.plusBusinessTime(ny("2026-11-23T09:00"), Duration.ofHours(8)))
          .isEqualTo(ny("2026-11-23T17:00"));
    }

    @Test
    void isTheInverseOfTheDeadline() {
      Instant start = ny("2026-11-20T15:10");
      for (int minutes = 0; minutes <= 24 * 60; minutes += 37) {
        Instant due = office.plusBusinessTime(start, Duration.ofMinutes(minutes));
        assertThat(office.businessTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(minutes));
      }
    }
  }

  @Test
  void isOpenOnlyInsideWindowsAndNotOnHolidays() {
    assertThat(office.isOpen(ny("2026-11-24T09:00"))).isTrue();
    assertThat(office.isOpen(ny("2026-11-24T16:59:59"))).isTrue();
    assertThat(office.isOpen(ny("2026-11-24T17:00"))).isFalse();
    assertThat(office.isOpen(ny("2026-11-21T12:00"))).isFalse();
    assertThat(office.isOpen(ny("2026-12-25T12:00"))).isFalse();
  }
}

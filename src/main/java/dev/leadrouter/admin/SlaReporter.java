package dev.leadrouter.admin;

import com.google.inject.Inject;
import dev.leadrouter.store.Misroute;
import dev.leadrouter.store.Misroutes;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClockStatus;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.store.TouchKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the SLA report from the store alone: the SLA clocks started in the period (one per lead
 * given to a rep) and the misroutes recorded for them. The org is not asked anything.
 */
public final class SlaReporter {

  /** Label for a group whose value is not known (no team, catch-all rule, no lead source). */
  static final String NONE = "(none)";

  private static final Duration DAY = Duration.ofHours(24);

  private final SlaClocks clocks;
  private final Misroutes misroutes;
  private final Clock clock;

  @Inject
  public SlaReporter(SlaClocks clocks, Misroutes misroutes, Clock clock) {
    this.clocks = clocks;
    this.misroutes = misroutes;
    this.clock = clock;
  }

  public SlaReport build(Instant since) {
    Instant now = clock.instant();
    List<SlaClock> started = clocks.startedSince(since);
    List<Misroute> misrouted = misroutes.routedSince(since);
    Set<Long> misroutedDecisions =
        misrouted.stream().map(Misroute::decisionId).collect(Collectors.toSet());
    Map<String, List<SlaFigures>> byDimension = new LinkedHashMap<>();
    byDimension.put("team", groups(started, SlaClock::team, misroutedDecisions, now));
    byDimension.put("rep", groups(started, SlaClock::ownerId, misroutedDecisions, now));
    byDimension.put("rule", groups(started, SlaClock::rule, misroutedDecisions, now));
    byDimension.put("lead source", groups(started, SlaClock::leadSource, misroutedDecisions, now));
    return new SlaReport(
        since, now, figures("all", started, misroutedDecisions, now), byDimension, misrouted);
  }

  private static List<SlaFigures> groups(
      List<SlaClock> started, Function<SlaClock, String> key, Set<Long> misrouted, Instant now) {
    Map<String, List<SlaClock>> groups = new LinkedHashMap<>();
    for (SlaClock clock : started) {
      String name = key.apply(clock);
      groups
          .computeIfAbsent(name == null || name.isBlank() ? NONE : name, k -> new ArrayList<>())
          .add(clock);
    }
    return groups.entrySet().stream()
        .map(group -> figures(group.getKey(), group.getValue(), misrouted, now))
        .sorted(
            Comparator.comparingInt(SlaFigures::assignments)
                .reversed()
                .thenComparing(SlaFigures::name))
        .toList();
  }

  /** The figures of one group; each rate's denominator is in {@link SlaFigures}' description. */
  static SlaFigures figures(String name, List<SlaClock> group, Set<Long> misrouted, Instant now) {
    List<Duration> speeds =
        group.stream().map(SlaClock::speedToLead).flatMap(Optional::stream).sorted().toList();
    int met = count(group, c -> c.status() == SlaClockStatus.MET);
    int judged = count(group, c -> c.touchedAt() != null || !c.dueAt().isAfter(now));
    int ended = count(group, c -> !c.isOpen());
    int misroutes = count(group, c -> misrouted.contains(c.decisionId()));
    int converted = count(group, c -> c.touchKind() == TouchKind.CONVERTED);
    int reassigned = count(group, c -> c.status() == SlaClockStatus.REASSIGNED);
    return new SlaFigures(
        name,
        group.size(),
        speeds.size(),
        nearestRank(speeds, 0.5),
        nearestRank(speeds, 0.9),
        percent(met, judged),
        noContact(group, DAY, now),
        noContact(group, DAY.multipliedBy(2), now),
        percent(speeds.size(), ended),
        reassigned,
        misroutes,
        percent(misroutes, group.size()),
        converted,
        percent(converted, group.size()));
  }

  /** Of the assignments at least {@code age} old, the share nobody touched within {@code age}. */
  private static Optional<Double> noContact(List<SlaClock> group, Duration age, Instant now) {
    List<SlaClock> oldEnough =
        group.stream().filter(c -> !c.startedAt().plus(age).isAfter(now)).toList();
    int untouched =
        count(oldEnough, c -> c.speedToLead().map(speed -> speed.compareTo(age) > 0).orElse(true));
    return percent(untouched, oldEnough.size());
  }

  /** The smallest value with at least {@code p} of all values at or below it. */
  static Optional<Duration> nearestRank(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return Optional.of(sorted.get(Math.max(1, rank) - 1));
  }

  private static int count(List<SlaClock> clocks, Predicate<SlaClock> which) {
    return (int) clocks.stream().filter(which).count();
  }

  private static Optional<Double> percent(int part, int whole) {
    return whole == 0 ? Optional.empty() : Optional.of(100.0 * part / whole);
  }
}

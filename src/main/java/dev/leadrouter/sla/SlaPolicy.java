package dev.leadrouter.sla;

import com.google.inject.Inject;
import dev.leadrouter.config.BusinessHoursSettings;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.config.SlaTierSettings;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.OwnerType;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.WorkingHours;
import dev.leadrouter.store.LoggedDecision;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;

/**
 * Turns a decision into SLA terms: the time to first touch from the rule or the score tier, counted
 * around the clock or in the owner's business hours as the tier says.
 */
public final class SlaPolicy {

  private final SlaSettings settings;

  @Inject
  public SlaPolicy(SlaSettings settings) {
    this.settings = settings;
  }

  public SlaSettings settings() {
    return settings;
  }

  /**
   * The terms for a decision, or empty when it makes no promise: SLA tracking is off, the decision
   * is shadow, or the owner is a queue (nobody in particular is to touch the lead).
   *
   * @param owner the owning rep when known, for their time zone and working hours
   */
  public Optional<SlaTerms> termsFor(Decision decision, Optional<Rep> owner) {
    return termsFor(
        decision.owner().type(),
        decision.shadow(),
        decision.score() == null ? null : decision.score().tier(),
        decision.slaMinutes(),
        decision.decidedAt(),
        owner);
  }

  /** The terms for a decision as the routing log keeps it. */
  public Optional<SlaTerms> termsFor(LoggedDecision decision, Optional<Rep> owner) {
    return termsFor(
        decision.owner().type(),
        decision.mode() == Mode.SHADOW,
        decision.scoreTier(),
        decision.slaMinutes(),
        decision.decidedAt(),
        owner);
  }

  private Optional<SlaTerms> termsFor(
      OwnerType ownerType,
      boolean shadow,
      String scoreTier,
      Integer slaMinutes,
      Instant start,
      Optional<Rep> owner) {
    if (!settings.enabled() || shadow || ownerType != OwnerType.USER) {
      return Optional.empty();
    }
    Optional<SlaTierSettings> tier = settings.tier(scoreTier);
    if (tier.isEmpty()) {
      return Optional.empty();
    }
    Duration firstTouch =
        slaMinutes != null ? Duration.ofMinutes(slaMinutes) : tier.get().firstTouch();
    boolean businessHours = tier.get().businessHours();
    BusinessCalendar calendar =
        businessHours
            ? calendarFor(owner)
            : BusinessCalendar.aroundTheClock(settings.businessHours().zone());
    return Optional.of(
        new SlaTerms(
            tier.get().name(),
            firstTouch,
            businessHours,
            start,
            calendar.plusBusinessTime(start, firstTouch),
            start.plus(settings.escalation().recycleAfter())));
  }

  /**
   * The business calendar of an owner: their own zone and working hours when the settings say so
   * and the rep has them, the org's otherwise; the org's holidays either way.
   */
  public BusinessCalendar calendarFor(Optional<Rep> owner) {
    BusinessHoursSettings hours = settings.businessHours();
    ZoneId zone = hours.zone();
    WorkingHours week = hours.hours();
    if (hours.ownerZone() && owner.isPresent()) {
      zone = owner.get().timeZone();
      if (owner.get().workingHours() != WorkingHours.ALWAYS) {
        week = owner.get().workingHours();
      }
    }
    return new BusinessCalendar(zone, week, new HashSet<>(hours.holidays()));
  }
}

package dev.leadrouter.config;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SLA tracking ({@code lead-router.sla}). Plain values only, so that the org's {@code
 * Routing_Setting__mdt} record can fill the same record as {@code application.conf} does.
 *
 * @param enabled false tracks no SLA at all: no clocks, no tasks, no escalation
 * @param tiers by score tier name; {@link #DEFAULT_TIER} covers leads without a tier of their own
 * @param untouchedStatuses Lead Status values that mean nobody has worked the lead yet; the clock
 *     stops when the status leaves them
 * @param businessHours the clock's working week
 * @param escalation what happens after a breach
 * @param task the owner's follow-up Task
 * @param notices where breach notices go
 * @param misrouteWindow an owner change by someone else this soon after our routing counts as a
 *     misroute of the rule that placed the lead
 */
public record SlaSettings(
    boolean enabled,
    Map<String, SlaTierSettings> tiers,
    List<String> untouchedStatuses,
    BusinessHoursSettings businessHours,
    SlaEscalationSettings escalation,
    SlaTaskSettings task,
    NotifySettings notices,
    Duration misrouteWindow) {

  /** How soon after routing an owner change by hand counts as a misroute, unless configured. */
  public static final Duration DEFAULT_MISROUTE_WINDOW = Duration.ofDays(7);

  /** The tiers entry for leads whose score tier has none. */
  public static final String DEFAULT_TIER = "default";

  public SlaSettings {
    Objects.requireNonNull(tiers, "tiers");
    tiers = Map.copyOf(tiers);
    untouchedStatuses = List.copyOf(untouchedStatuses);
    Objects.requireNonNull(businessHours, "businessHours");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(notices, "notices");
    Objects.requireNonNull(misrouteWindow, "misrouteWindow");
  }

  /** Settings with the default misroute window. */
  public SlaSettings(
      boolean enabled,
      Map<String, SlaTierSettings> tiers,
      List<String> untouchedStatuses,
      BusinessHoursSettings businessHours,
      SlaEscalationSettings escalation,
      SlaTaskSettings task,
      NotifySettings notices) {
    this(
        enabled,
        tiers,
        untouchedStatuses,
        businessHours,
        escalation,
        task,
        notices,
        DEFAULT_MISROUTE_WINDOW);
  }

  /** The tier settings for a score tier name, falling back to the default entry. */
  public Optional<SlaTierSettings> tier(String scoreTier) {
    SlaTierSettings own = scoreTier == null ? null : tiers.get(scoreTier);
    return Optional.ofNullable(own != null ? own : tiers.get(DEFAULT_TIER));
  }

  /** SLA tracking switched off, for configurations written before it existed. */
  public static SlaSettings disabled() {
    return new SlaSettings(
        false,
        Map.of(),
        List.of(),
        new BusinessHoursSettings(
            ZoneOffset.UTC, dev.leadrouter.route.WorkingHours.ALWAYS, List.of(), false),
        new SlaEscalationSettings(
            false, Optional.empty(), 0, Duration.ofHours(48), Optional.empty()),
        new SlaTaskSettings("Follow up", "Normal", Duration.ZERO),
        NotifySettings.none());
  }
}

package dev.leadrouter.admin;

import java.time.Duration;
import java.util.Optional;

/**
 * The SLA figures of one group of assignments (a team, a rep, a rule, a lead source, or all). Every
 * rate is a percentage of its own denominator, empty when that is zero.
 *
 * @param assignments SLA clocks started in the period: leads given to a rep
 * @param touched assignments the rep touched (first touch, MET or LATE)
 * @param medianSpeed median time from routing to first touch (nearest rank), of touched ones
 * @param p90Speed 90th percentile of the same (nearest rank)
 * @param metPercent touched by the due time, of the assignments that were touched or are past due
 * @param noContact24hPercent not touched within 24 hours, of the assignments at least 24 hours old
 * @param noContact48hPercent the same for 48 hours
 * @param acceptancePercent the rep touched the lead at all before it left them, of the assignments
 *     that ended (touched, reassigned, recycled or taken over)
 * @param reassigned assignments the SLA ladder took from the rep untouched (SLA_REASSIGN)
 * @param misroutes assignments whose owner a person changed within the misroute window
 * @param misroutePercent misroutes of all assignments
 * @param converted assignments whose first touch was converting the lead
 * @param conversionPercent converted of all assignments
 */
public record SlaFigures(
    String name,
    int assignments,
    int touched,
    Optional<Duration> medianSpeed,
    Optional<Duration> p90Speed,
    Optional<Double> metPercent,
    Optional<Double> noContact24hPercent,
    Optional<Double> noContact48hPercent,
    Optional<Double> acceptancePercent,
    int reassigned,
    int misroutes,
    Optional<Double> misroutePercent,
    int converted,
    Optional<Double> conversionPercent) {}

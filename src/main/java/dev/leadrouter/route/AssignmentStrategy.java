package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.List;
import java.util.Map;

/** Picks one of a team's available members. */
interface AssignmentStrategy {

  /**
   * @param candidates the members who can take the lead, never empty
   * @return the pick, or {@code null} when none of them should get it (e.g. all at capacity)
   */
  Pick pick(List<Candidate> candidates, TeamRotation rotation);

  /** The member picked, and the rotation credits to store if the decision is kept. */
  record Pick(Candidate chosen, Map<SalesforceId, Double> credits) {}

  static AssignmentStrategy of(Strategy strategy) {
    return switch (strategy) {
      case ROUND_ROBIN -> new RoundRobin();
      case WEIGHTED -> new WeightedRoundRobin();
      case CAPACITY -> new CapacityBased();
    };
  }

  /** The earliest in rotation order, which breaks every tie. */
  static Candidate nextInRotation(List<Candidate> candidates) {
    Candidate next = null;
    for (Candidate candidate : candidates) {
      if (next == null || candidate.rank() < next.rank()) {
        next = candidate;
      }
    }
    return next;
  }
}

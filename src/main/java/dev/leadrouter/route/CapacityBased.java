package dev.leadrouter.route;

import java.util.List;

/**
 * The member using the smallest share of their capacity, among those under their cap. Members
 * without a cap count as empty. Ties go to whoever is next in rotation.
 */
final class CapacityBased implements AssignmentStrategy {

  @Override
  public Pick pick(List<Candidate> candidates, TeamRotation rotation) {
    Candidate best = null;
    double bestUse = Double.MAX_VALUE;
    for (Candidate candidate : candidates) {
      TeamMember member = candidate.member();
      double use = member.hasCap() ? (double) candidate.openLoad() / member.capacity() : 0.0;
      if (use >= 1.0) {
        continue;
      }
      if (best == null || use < bestUse || (use == bestUse && candidate.rank() < best.rank())) {
        best = candidate;
        bestUse = use;
      }
    }
    return best == null ? null : new Pick(best, rotation.credits());
  }
}

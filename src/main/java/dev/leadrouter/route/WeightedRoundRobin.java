package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Smooth weighted round robin: every pick, each candidate earns its effective weight as credit; the
 * one with the most credit wins and pays back the sum of all weights earned.
 *
 * <p>Over many leads each member's share converges on its weight's share, and unlike drawing at
 * random it never gives one rep a long streak. Effective weight shrinks as a rep fills their
 * capacity, so load evens out too. Members who are away keep the credit they had.
 */
final class WeightedRoundRobin implements AssignmentStrategy {

  @Override
  public Pick pick(List<Candidate> candidates, TeamRotation rotation) {
    Map<SalesforceId, Double> credits = new HashMap<>(rotation.credits());
    double earned = 0;
    Candidate best = null;
    double bestCredit = 0;
    for (Candidate candidate : candidates) {
      double weight = candidate.effectiveWeight();
      if (weight <= 0) {
        continue;
      }
      SalesforceId id = candidate.member().userId();
      double credit = credits.getOrDefault(id, 0.0) + weight;
      credits.put(id, credit);
      earned += weight;
      if (best == null
          || credit > bestCredit
          || (credit == bestCredit && candidate.rank() < best.rank())) {
        best = candidate;
        bestCredit = credit;
      }
    }
    if (best == null) {
      return null;
    }
    credits.put(best.member().userId(), bestCredit - earned);
    return new Pick(best, credits);
  }
}

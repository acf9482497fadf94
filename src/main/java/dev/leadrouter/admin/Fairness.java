package dev.leadrouter.admin;

import java.util.Collection;

/**
 * Jain's fairness index, (Σx)² / (n · Σx²): 1 when every member got the same share, 1/n when one
 * member got everything. Each x is a member's leads divided by the member's weight, so a weighted
 * team that hands out leads exactly in proportion to its weights also scores 1.
 */
final class Fairness {

  private Fairness() {}

  /**
   * @param shares each member's leads divided by its weight; members who got none count as 0
   * @return the index, or {@code NaN} when there are no members or no leads
   */
  static double jain(Collection<Double> shares) {
    double sum = 0;
    double squares = 0;
    for (double share : shares) {
      sum += share;
      squares += share * share;
    }
    if (shares.isEmpty() || squares == 0) {
      return Double.NaN;
    }
    return sum * sum / (shares.size() * squares);
  }
}

package dev.leadrouter.admin;

/**
 * Shadow decisions of one rule, team or owner that could be compared, and how many disagreed.
 *
 * @param name the rule, team or owner
 * @param compared decisions whose lead was found in the org
 * @param disagreements of those, decisions whose owner differs from the org's
 */
public record Tally(String name, int compared, int disagreements) {

  /** Share of compared decisions that agreed, 0 to 100; 100 when none could be compared. */
  public double agreementPercent() {
    return compared == 0 ? 100.0 : 100.0 * (compared - disagreements) / compared;
  }
}

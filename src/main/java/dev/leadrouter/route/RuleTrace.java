package dev.leadrouter.route;

import dev.leadrouter.criteria.CriterionResult;
import java.util.List;

/**
 * What happened at one rule on the way to a decision.
 *
 * @param matched whether its criteria held
 * @param applied whether it chose the owner
 * @param reason why a matching rule was passed over (or took the consent path), else {@code null}
 * @param note in plain words why it was passed over or what it did
 */
public record RuleTrace(
    String rule,
    int order,
    boolean matched,
    boolean applied,
    List<CriterionResult> criteria,
    String logic,
    ReasonCode reason,
    String note) {

  public RuleTrace {
    // Not copied: the list comes from CriteriaOutcome, which is immutable and builds its
    // elements on demand; copying would build them all for every rule tried.
    criteria = java.util.Collections.unmodifiableList(criteria);
  }
}

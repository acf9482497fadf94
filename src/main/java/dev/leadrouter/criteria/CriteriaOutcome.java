package dev.leadrouter.criteria;

import java.util.List;

/** Whether a set of criteria matched a lead, with each criterion's own result for the trace. */
public record CriteriaOutcome(boolean matched, List<CriterionResult> results) {

  public CriteriaOutcome {
    results = results instanceof CriterionResults ? results : List.copyOf(results);
  }
}

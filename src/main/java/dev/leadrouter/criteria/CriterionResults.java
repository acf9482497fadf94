package dev.leadrouter.criteria;

import dev.leadrouter.lead.FieldSource;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Each criterion's result for one lead, as an immutable list that evaluates a criterion only when
 * asked. The logic asks for the criteria it needs to decide (short-circuiting), and the trace fills
 * in the rest when someone reads it, so a hundred failing rules cost a few reads each while every
 * criterion's result stays available to the "why" page.
 *
 * <p>The lead must be immutable for this to be sound; results computed on different threads are
 * equal, and each slot is written once with an immutable record, so a race only costs a repeat.
 */
final class CriterionResults extends AbstractList<CriterionResult>
    implements RandomAccess, CriteriaLogic.Verdicts {

  private final List<CompiledCriterion> criteria;
  private final FieldSource lead;
  private final CriterionResult[] done;

  CriterionResults(List<CompiledCriterion> criteria, FieldSource lead) {
    this.criteria = criteria;
    this.lead = lead;
    this.done = new CriterionResult[criteria.size()];
  }

  @Override
  public boolean holds(int index) {
    return get(index).result();
  }

  @Override
  public CriterionResult get(int index) {
    CriterionResult result = done[index];
    if (result == null) {
      CompiledCriterion criterion = criteria.get(index);
      String actual = criterion.read(lead);
      result = new CriterionResult(criterion.criterion(), actual, criterion.test(actual));
      done[index] = result;
    }
    return result;
  }

  @Override
  public int size() {
    return done.length;
  }
}

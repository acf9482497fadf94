package dev.leadrouter.criteria;

import dev.leadrouter.lead.FieldSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbered criteria joined by criteria logic: the "when" of a routing rule or a score rule.
 *
 * <p>The logic short-circuits, yet the outcome's results list every criterion's result: those the
 * logic did not need are evaluated when the trace is read, for the admin asking "why did this lead
 * go there?". The lead read must therefore not change afterwards.
 */
public final class CriteriaSet {

  private static final CriteriaSet ALWAYS = new CriteriaSet(List.of(), CriteriaLogic.allOf(0));

  private final List<CompiledCriterion> criteria;
  private final CriteriaLogic logic;

  private CriteriaSet(List<CompiledCriterion> criteria, CriteriaLogic logic) {
    this.criteria = criteria;
    this.logic = logic;
  }

  /** Criteria that always hold: a rule without criteria applies to every lead. */
  public static CriteriaSet always() {
    return ALWAYS;
  }

  /**
   * Checks and prepares criteria.
   *
   * @param logic filter logic such as {@code 1 AND (2 OR 3)}; blank means all criteria must hold
   * @throws InvalidCriteriaException naming the criterion or the logic that is wrong
   */
  public static CriteriaSet compile(List<Criterion> criteria, String logic)
      throws InvalidCriteriaException {
    Map<Integer, Integer> numberToIndex = new HashMap<>();
    List<CompiledCriterion> compiled = new ArrayList<>(criteria.size());
    for (Criterion criterion : criteria) {
      String where = "criterion " + criterion.number();
      if (criterion.number() < 1) {
        throw new InvalidCriteriaException(where + " number", "criterion numbers start at 1");
      }
      if (numberToIndex.put(criterion.number(), compiled.size()) != null) {
        throw new InvalidCriteriaException(
            where + " number", "criterion number " + criterion.number() + " is used twice");
      }
      if (criterion.field().isBlank()) {
        throw new InvalidCriteriaException(where + " field", "the field is empty");
      }
      if (criterion.operator().needsValue() && criterion.values().isEmpty()) {
        throw new InvalidCriteriaException(
            where + " value", "operator '" + criterion.operator().label() + "' needs a value");
      }
      compiled.add(new CompiledCriterion(criterion));
    }
    CriteriaLogic parsed =
        logic == null || logic.isBlank()
            ? CriteriaLogic.allOf(compiled.size())
            : CriteriaLogic.parse(logic, numberToIndex);
    return new CriteriaSet(List.copyOf(compiled), parsed);
  }

  /** Evaluates against a lead (which must not change afterwards), keeping a trace. */
  public CriteriaOutcome evaluate(FieldSource lead) {
    CriterionResults results = new CriterionResults(criteria, lead);
    return new CriteriaOutcome(logic.evaluate(results), results);
  }

  /** Evaluates without keeping a trace, for scoring where only the verdict matters. */
  public boolean matches(FieldSource lead) {
    return logic.evaluate(index -> criteria.get(index).test(criteria.get(index).read(lead)));
  }

  public List<Criterion> criteria() {
    return criteria.stream().map(CompiledCriterion::criterion).toList();
  }

  public String logic() {
    return logic.text();
  }

  /** Lower-case names of every field these criteria read. */
  public List<String> fields() {
    return criteria.stream().map(c -> c.criterion().lowerField()).distinct().toList();
  }
}

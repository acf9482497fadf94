package dev.leadrouter.criteria;

import dev.leadrouter.lead.FieldSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbered criteria joined by criteria logic: the "when" of a routing rule or a score rule.
 *
 * <p>Every criterion is evaluated, not only until the logic is decided, because the decision trace
 * shows each criterion's result to the admin asking "why did this lead go there?".
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

  /** Evaluates against a lead, keeping each criterion's result. */
  public CriteriaOutcome evaluate(FieldSource lead) {
    boolean[] results = new boolean[criteria.size()];
    List<CriterionResult> trace = new ArrayList<>(criteria.size());
    for (int i = 0; i < results.length; i++) {
      CompiledCriterion criterion = criteria.get(i);
      String actual = criterion.read(lead);
      results[i] = criterion.test(actual);
      trace.add(new CriterionResult(criterion.criterion(), actual, results[i]));
    }
    return new CriteriaOutcome(logic.evaluate(results), trace);
  }

  /** Evaluates without keeping a trace, for scoring where only the verdict matters. */
  public boolean matches(FieldSource lead) {
    boolean[] results = new boolean[criteria.size()];
    for (int i = 0; i < results.length; i++) {
      CompiledCriterion criterion = criteria.get(i);
      results[i] = criterion.test(criterion.read(lead));
    }
    return logic.evaluate(results);
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

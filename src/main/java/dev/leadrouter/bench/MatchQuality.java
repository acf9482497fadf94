package dev.leadrouter.bench;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Precision and recall of a matcher on a labelled set. Precision: of the leads it matched, the
 * share matched to their true account. Recall: of the leads that have an account, the share matched
 * to it. A lead without an account that gets one counts against precision only.
 */
public final class MatchQuality {

  /** What a matcher answered for one lead: the account (or null) and how. */
  public record Answer(SalesforceId accountId, String method) {}

  /** A wrong answer, for people to look at. */
  public record Miss(Lead lead, SalesforceId expected, Answer answer) {}

  private final List<Miss> misses = new ArrayList<>();

  /** Runs {@code matcher} over every lead; returns the figures as the JSON report keys them. */
  public Map<String, Object> evaluate(MatchEvalSet set, Function<Lead, Answer> matcher) {
    int withAccount = 0;
    int matched = 0;
    int correct = 0;
    Map<String, Integer> byMethod = new TreeMap<>();
    long start = System.nanoTime();
    for (MatchEvalSet.LabelledLead labelled : set.leads()) {
      Answer answer = matcher.apply(labelled.lead());
      if (labelled.expected() != null) {
        withAccount++;
      }
      if (answer.accountId() != null) {
        matched++;
        byMethod.merge(answer.method(), 1, Integer::sum);
        if (answer.accountId().equals(labelled.expected())) {
          correct++;
        } else {
          misses.add(new Miss(labelled.lead(), labelled.expected(), answer));
        }
      } else if (labelled.expected() != null) {
        misses.add(new Miss(labelled.lead(), labelled.expected(), answer));
      }
    }
    long elapsed = System.nanoTime() - start;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("leads", set.leads().size());
    figures.put("leads_with_account", withAccount);
    figures.put("matched", matched);
    figures.put("correct", correct);
    figures.put("wrong", matched - correct);
    figures.put("precision", round(matched == 0 ? 1 : (double) correct / matched));
    figures.put("recall", round(withAccount == 0 ? 1 : (double) correct / withAccount));
    figures.put("by_method", byMethod);
    figures.put("elapsed_ms", Math.round(elapsed / 1e6));
    return figures;
  }

  /** The wrong and missed answers of the last evaluation. */
  public List<Miss> misses() {
    return List.copyOf(misses);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}

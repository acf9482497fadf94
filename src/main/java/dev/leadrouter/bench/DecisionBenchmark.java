package dev.leadrouter.bench;

import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.RuleSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Times the decision path (normalize, score, route, record rotation state) on one thread, one
 * decision at a time, and reports throughput and latency percentiles.
 */
public final class DecisionBenchmark {

  private final DecisionEngine engine;

  public DecisionBenchmark(DecisionEngine engine) {
    this.engine = engine;
  }

  /**
   * @param progress told how many measured decisions are done, now and then
   * @return figures keyed as the benchmark's JSON report
   */
  public Map<String, Object> run(
      RuleSet ruleSet, List<LeadInput> leads, int warmup, int measured, IntConsumer progress) {
    InMemoryRoutingState state = new InMemoryRoutingState();
    for (int i = 0; i < warmup; i++) {
      engine.decideAndRecord(ruleSet, leads.get(i % leads.size()), state);
    }
    long[] nanos = new long[measured];
    long start = System.nanoTime();
    for (int i = 0; i < measured; i++) {
      long before = System.nanoTime();
      engine.decideAndRecord(ruleSet, leads.get(i % leads.size()), state);
      nanos[i] = System.nanoTime() - before;
      if ((i & 0x3fff) == 0) {
        progress.accept(i);
      }
    }
    long elapsed = System.nanoTime() - start;
    progress.accept(measured);
    Arrays.sort(nanos);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("decisions", measured);
    report.put("decisions_per_sec", Math.round(measured / (elapsed / 1e9)));
    report.put("p50_us", micros(percentile(nanos, 0.50)));
    report.put("p99_us", micros(percentile(nanos, 0.99)));
    report.put("p999_us", micros(percentile(nanos, 0.999)));
    report.put("max_us", micros(nanos[nanos.length - 1]));
    return report;
  }

  private static long percentile(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double micros(long nanos) {
    return Math.round(nanos / 10.0) / 100.0;
  }
}

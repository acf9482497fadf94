package dev.leadrouter.bench;

import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountMatcher;
import dev.leadrouter.normalize.NormalizedLead;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Times the account index at scale: building it from synthetic accounts, the heap it then holds,
 * and lead-to-account lookups (the whole matcher, one lead at a time on one thread).
 */
public final class MatchBenchmark {

  private final SyntheticAccounts accounts;

  public MatchBenchmark(SyntheticAccounts accounts) {
    this.accounts = accounts;
  }

  /**
   * Fills {@code index} with {@code count} accounts; returns seconds taken (generating the records,
   * which costs little next to normalizing them, included).
   */
  public double build(AccountIndex index, int count, IntConsumer progress) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      index.upsert(accounts.account(i));
      if ((i & 0xffff) == 0) {
        progress.accept(i);
      }
    }
    index.trimToSize();
    progress.accept(count);
    return (System.nanoTime() - start) / 1e9;
  }

  /** Heap in use after collecting garbage, in megabytes. */
  public static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  /**
   * Matches each lead in turn, {@code warmup} then {@code measured} times; figures as JSON keys.
   */
  public Map<String, Object> lookups(
      AccountMatcher matcher, List<NormalizedLead> leads, int warmup, int measured) {
    int matched = 0;
    for (int i = 0; i < warmup; i++) {
      matched += matcher.match(leads.get(i % leads.size())).matched() ? 1 : 0;
    }
    long[] nanos = new long[measured];
    matched = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < measured; i++) {
      long before = System.nanoTime();
      boolean hit = matcher.match(leads.get(i % leads.size())).matched();
      nanos[i] = System.nanoTime() - before;
      matched += hit ? 1 : 0;
    }
    long elapsed = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    Arrays.sort(nanos);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("lookups", measured);
    figures.put("lookups_per_sec", Math.round(measured / (elapsed / 1e9)));
    // On a shared machine the thread waits for a core now and then; CPU time shows the cost.
    figures.put("lookups_per_cpu_sec", Math.round(measured / (cpu / 1e9)));
    figures.put("p50_us", micros(percentile(nanos, 0.50)));
    figures.put("p99_us", micros(percentile(nanos, 0.99)));
    figures.put("p999_us", micros(percentile(nanos, 0.999)));
    figures.put("matched_share", Math.round(matched * 1000.0 / measured) / 1000.0);
    return figures;
  }

  private static long percentile(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double micros(long nanos) {
    return Math.round(nanos / 10.0) / 100.0;
  }
}

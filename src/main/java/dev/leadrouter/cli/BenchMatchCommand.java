package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.bench.MatchBenchmark;
import dev.leadrouter.bench.SyntheticAccounts;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountKeys;
import dev.leadrouter.match.FuzzyNameScorer;
import dev.leadrouter.match.IndexAccountMatcher;
import dev.leadrouter.match.MatchPolicy;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.normalize.NormalizedLead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Build time, heap and lookup speed of the account index at the size of a large org. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the account index: builds it from synthetic accounts (seeded), then times",
      "lead-to-account matching on one thread. Prints build_s, heap_mb (heap in use after GC,",
      "index built), lookups_per_sec, p50_us and p99_us as JSON. Run with -Xmx600m to prove",
      "the heap budget."
    })
final class BenchMatchCommand implements Callable<Integer> {

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
  Path json;

  @Option(
      names = "--accounts",
      defaultValue = "1000000",
      description = "Accounts in the index (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--lookups",
      defaultValue = "500000",
      description = "Measured lookups (default: ${DEFAULT-VALUE}).")
  int lookups;

  @Option(
      names = "--warmup",
      defaultValue = "200000",
      description = "Lookups before measuring (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  private final AccountKeys keys;
  private final LeadNormalizer normalizer;

  @Inject
  BenchMatchCommand(AccountKeys keys, LeadNormalizer normalizer) {
    this.keys = keys;
    this.normalizer = normalizer;
  }

  @Override
  public Integer call() throws IOException {
    if (accounts < 1 || lookups < 1 || warmup < 0) {
      throw new ParameterException(
          spec.commandLine(), "--accounts and --lookups must be at least 1, --warmup at least 0");
    }
    SyntheticAccounts synthetic = new SyntheticAccounts(seed);
    MatchBenchmark benchmark = new MatchBenchmark(synthetic);
    long heapBefore = MatchBenchmark.heapAfterGc();
    AccountIndex index = new AccountIndex(keys, accounts);
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "accounts", accounts);
    double buildSeconds = benchmark.build(index, accounts, bar::update);
    bar.done();
    long heap = MatchBenchmark.heapAfterGc();
    List<NormalizedLead> leads = new ArrayList<>(10_000);
    for (int n = 0; n < 10_000; n++) {
      leads.add(normalizer.normalize(synthetic.lead(n, accounts)));
    }
    IndexAccountMatcher matcher =
        new IndexAccountMatcher(index, keys, new FuzzyNameScorer(), MatchPolicy.defaults());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", "match");
    report.put("accounts", index.size());
    report.put("build_s", Math.round(buildSeconds * 100) / 100.0);
    report.put("heap_mb", heap);
    report.put("heap_before_mb", heapBefore);
    report.putAll(benchmark.lookups(matcher, leads, warmup, lookups));
    report.put("threads", 1);
    report.put("cpus", Runtime.getRuntime().availableProcessors());
    report.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    report.put("java", System.getProperty("java.version"));
    String text = JsonOutput.mapper().writeValueAsString(report);
    spec.commandLine().getOut().println(text);
    spec.commandLine().getOut().flush();
    if (json != null) {
      Files.writeString(json, text + "\n");
    }
    return 0;
  }
}

package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.bench.MatchEvalSet;
import dev.leadrouter.bench.MatchQuality;
import dev.leadrouter.match.Account;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountKeys;
import dev.leadrouter.match.FuzzyNameScorer;
import dev.leadrouter.match.IndexAccountMatcher;
import dev.leadrouter.match.MatchPolicy;
import dev.leadrouter.match.MatchResult;
import dev.leadrouter.normalize.LeadNormalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Precision and recall of lead-to-account matching on the labelled evaluation set. */
@Command(
    name = "match-quality",
    mixinStandardHelpOptions = true,
    description = {
      "Measures precision and recall of lead-to-account matching on a labelled set.",
      "The set is generated from a fixed seed (3,000 accounts, 2,100 leads with an account and",
      "1,000 without; see MatchEvalSet) and printed as JSON with the figures per method."
    })
final class BenchMatchQualityCommand implements Callable<Integer> {

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
  Path json;

  @Option(
      names = "--seed",
      defaultValue = "20261127",
      description = "Evaluation-set seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--show-misses",
      paramLabel = "N",
      defaultValue = "0",
      description = "Print up to N wrong or missed leads on standard error.")
  int showMisses;

  @Spec CommandSpec spec;

  private final AccountKeys keys;
  private final LeadNormalizer normalizer;

  @Inject
  BenchMatchQualityCommand(AccountKeys keys, LeadNormalizer normalizer) {
    this.keys = keys;
    this.normalizer = normalizer;
  }

  @Override
  public Integer call() throws IOException {
    MatchEvalSet set = MatchEvalSet.generate(seed, 3_000, 2_100, 1_000);
    AccountIndex index = new AccountIndex(keys, set.accounts().size());
    for (Account account : set.accounts()) {
      index.upsert(account);
    }
    IndexAccountMatcher matcher =
        new IndexAccountMatcher(index, keys, new FuzzyNameScorer(), MatchPolicy.defaults());
    MatchQuality quality = new MatchQuality();
    Map<String, Object> figures =
        quality.evaluate(
            set,
            lead -> {
              MatchResult result = matcher.match(normalizer.normalize(lead));
              return result.matched()
                  ? new MatchQuality.Answer(result.best().accountId(), result.method().label())
                  : new MatchQuality.Answer(null, null);
            });
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", "match-quality");
    report.put("seed", seed);
    report.put("accounts", set.accounts().size());
    report.put("lead_router", figures);
    PrintWriter err = spec.commandLine().getErr();
    quality.misses().stream().limit(showMisses).forEach(miss -> err.println(miss));
    err.flush();
    String text = JsonOutput.mapper().writeValueAsString(report);
    spec.commandLine().getOut().println(text);
    spec.commandLine().getOut().flush();
    if (json != null) {
      Files.writeString(json, text + "\n");
    }
    return 0;
  }
}

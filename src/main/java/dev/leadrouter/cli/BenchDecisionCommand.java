package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.bench.DecisionBenchmark;
import dev.leadrouter.bench.SyntheticWorkload;
import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.route.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Decisions per second and latency of the decision path, without account matching. */
@Command(
    name = "decision",
    mixinStandardHelpOptions = true,
    description = {
      "Measures decisions per second and latency of the decision path.",
      "Times normalize, score, route and record state on one thread over a synthetic org,",
      "and prints decisions_per_sec, p50_us and p99_us as JSON."
    })
final class BenchDecisionCommand implements Callable<Integer> {

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
  Path json;

  @Option(
      names = "--rules",
      defaultValue = "100",
      description = "Rules (default: ${DEFAULT-VALUE}).")
  int rules;

  @Option(
      names = "--teams",
      defaultValue = "50",
      description = "Teams (default: ${DEFAULT-VALUE}).")
  int teams;

  @Option(
      names = "--reps",
      defaultValue = "1000",
      description = "Reps (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(
      names = "--decisions",
      defaultValue = "1000000",
      description = "Measured decisions (default: ${DEFAULT-VALUE}).")
  int decisions;

  @Option(
      names = "--warmup",
      defaultValue = "300000",
      description =
          "Decisions before measuring, so the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Workload seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  private final DecisionEngine engine;

  @Inject
  BenchDecisionCommand(DecisionEngine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() throws IOException {
    requireAtLeast(1, decisions, "--decisions");
    requireAtLeast(0, warmup, "--warmup");
    requireAtLeast(1, rules, "--rules");
    requireAtLeast(1, teams, "--teams");
    requireAtLeast(1, reps, "--reps");
    SyntheticWorkload workload = new SyntheticWorkload(seed);
    RuleSet ruleSet = workload.ruleSet(rules, teams, reps);
    List<LeadInput> leads = workload.leads(10_000);
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "decisions", decisions);
    Map<String, Object> figures =
        new DecisionBenchmark(engine).run(ruleSet, leads, warmup, decisions, bar::update);
    bar.done();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", "decision");
    report.put("rules", rules);
    report.put("teams", teams);
    report.put("reps", reps);
    report.putAll(figures);
    report.put("threads", 1);
    report.put("cpus", Runtime.getRuntime().availableProcessors());
    report.put("java", System.getProperty("java.version"));
    String text = JsonOutput.mapper().writeValueAsString(report);
    spec.commandLine().getOut().println(text);
    spec.commandLine().getOut().flush();
    if (json != null) {
      Files.writeString(json, text + "\n");
    }
    return 0;
  }

  private void requireAtLeast(int least, int value, String option) {
    if (value < least) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least " + least + " (was " + value + ")");
    }
  }
}

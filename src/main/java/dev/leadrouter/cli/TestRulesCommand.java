package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.engine.GoldenResult;
import dev.leadrouter.engine.GoldenRunner;
import dev.leadrouter.route.RuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs golden records against a rule set. */
@Command(
    name = "test-rules",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a rule set against golden records (lead, expected owner and rule).",
      "Prints pass/fail with the path each lead took. Exit code 0 when all pass, 1 on any",
      "mismatch, 2 when a file cannot be used."
    })
final class TestRulesCommand implements Callable<Integer> {

  @Mixin RulesOption rules;

  @Option(
      names = "--golden",
      required = true,
      paramLabel = "FILE",
      description = "Golden records as YAML or JSON, e.g. config/golden.example.yaml.")
  Path golden;

  @Spec CommandSpec spec;

  private final GoldenRunner runner;

  @Inject
  TestRulesCommand(GoldenRunner runner) {
    this.runner = runner;
  }

  @Override
  public Integer call() {
    RuleSet ruleSet = rules.load();
    List<GoldenResult> results = runner.run(ruleSet, new GoldenFiles().read(golden, ruleSet));
    TextTable table = new TextTable("", "Case", "Owner", "Rule", "Path", "Mismatch");
    long failed = 0;
    for (GoldenResult result : results) {
      failed += result.passed() ? 0 : 1;
      table.add(
          result.passed() ? "PASS" : "FAIL",
          result.golden().name(),
          result.decision().owner().name(),
          result.decision().rule() == null ? "catch-all" : result.decision().rule(),
          RulePath.of(result.decision()),
          String.join("; ", result.mismatches()));
    }
    var out = spec.commandLine().getOut();
    table.print(out);
    out.println();
    out.println(RulePath.LEGEND);
    out.printf(
        "%d of %d golden records pass with rule set %s.%n",
        results.size() - failed, results.size(), ruleSet.version());
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}

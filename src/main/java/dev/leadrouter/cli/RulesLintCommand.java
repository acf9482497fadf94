package dev.leadrouter.cli;

import com.google.inject.Inject;
import com.google.inject.Injector;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.rules.LoadedRules;
import dev.leadrouter.rules.RecordRuleSets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Validates the org's routing records, or a YAML rule file, as the worker would. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Validates the routing rules as the worker would: the org's Custom Metadata records"
          + " (--org) or a YAML rule file (--yaml FILE).",
      "Every problem names the record (type.DeveloperName) and field to fix.",
      "Exit code 0 when valid, 2 when not."
    })
final class RulesLintCommand implements Callable<Integer> {

  static final class Source {
    @Option(names = "--org", required = true, description = "Read the org's routing records.")
    boolean org;

    @Option(
        names = "--yaml",
        required = true,
        paramLabel = "FILE",
        description = "A YAML rule file.")
    Path yaml;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Mixin OrgOptions org;
  @Spec CommandSpec spec;

  private final Injector injector;

  @Inject
  RulesLintCommand(Injector injector) {
    this.injector = injector;
  }

  @Override
  public Integer call() {
    LoadedRules loaded;
    if (source.yaml != null) {
      if (!Files.isReadable(source.yaml)) {
        throw new InputException("rule file " + source.yaml + " does not exist or cannot be read");
      }
      loaded = new LoadedRules(new YamlRuleSetLoader().load(source.yaml), Optional.empty());
    } else {
      loaded = new RecordRuleSets().assemble(OrgRules.read(injector, org), "of the org");
    }
    RuleSet ruleSet = loaded.ruleSet();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Rule set %s is valid: %d active rules, %d teams, %d territories, %d users, %d queues,"
            + " %d score rules%s.%n",
        ruleSet.version(),
        ruleSet.rules().size(),
        ruleSet.teams().size(),
        ruleSet.territories().size(),
        ruleSet.reps().size(),
        ruleSet.queues().size(),
        ruleSet.scoring().rules().size(),
        loaded.mode().map(m -> "; mode " + m).orElse(""));
    out.flush();
    return 0;
  }
}

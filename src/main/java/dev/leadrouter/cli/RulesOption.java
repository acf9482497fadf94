package dev.leadrouter.cli;

import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.route.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --rules FILE} option shared by commands that route leads. */
final class RulesOption {

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      defaultValue = "config/rules.example.yaml",
      description = "Rule set as YAML (default: ${DEFAULT-VALUE}).")
  Path file;

  RuleSet load() {
    if (!Files.isReadable(file)) {
      throw new InputException("rule file " + file + " does not exist or cannot be read");
    }
    return new YamlRuleSetLoader().load(file);
  }
}

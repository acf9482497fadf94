package dev.leadrouter.cli;

import com.google.inject.Injector;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.rules.RecordRuleSets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --rules FILE} option shared by commands that route leads; {@code --rules org} reads
 * the org's Custom Metadata records instead, as the worker does with {@code rules.source = org}.
 */
final class RulesOption {

  /** The value of {@code --rules} (and {@code diff-rules --old/--new}) that means the org. */
  static final String ORG = "org";

  @Option(
      names = "--rules",
      paramLabel = "FILE|org",
      defaultValue = "config/rules.example.yaml",
      description =
          "Rule set as YAML (default: ${DEFAULT-VALUE}), or `org` for the org's Custom Metadata"
              + " records where the command takes --org-credentials/--config (write ./org for a"
              + " file named org).")
  Path file;

  /** Whether the rules are to come from the org. */
  boolean fromOrg() {
    return isOrg(file);
  }

  static boolean isOrg(Path file) {
    return file != null && file.toString().equals(ORG);
  }

  /** The YAML file's rule set; a command without an org connection refuses {@code org}. */
  RuleSet load() {
    if (fromOrg()) {
      throw new InputException(
          "--rules org reads the org's rules, which this command cannot reach; give a YAML file");
    }
    if (!Files.isReadable(file)) {
      throw new InputException("rule file " + file + " does not exist or cannot be read");
    }
    return new YamlRuleSetLoader().load(file);
  }

  /** The rule set from the YAML file, or with {@code org} from the org's Custom Metadata. */
  RuleSet load(Injector injector, OrgOptions org) {
    return load(file, injector, org);
  }

  static RuleSet load(Path file, Injector injector, OrgOptions org) {
    if (!isOrg(file)) {
      RulesOption option = new RulesOption();
      option.file = file;
      return option.load();
    }
    // The worker's own reader and checks (OrgRuleSetReader, RecordRuleSets), so what is tried
    // here is what the worker would route with.
    return new RecordRuleSets().assemble(OrgRules.read(injector, org), "of the org").ruleSet();
  }
}

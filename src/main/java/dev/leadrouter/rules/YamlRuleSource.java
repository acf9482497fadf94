package dev.leadrouter.rules;

import dev.leadrouter.config.YamlRuleSetLoader;
import java.nio.file.Path;
import java.util.Optional;

/** The rule set of a YAML file, re-read on every load so that edits are picked up. */
public final class YamlRuleSource implements RuleSource {

  private final Path file;
  private final YamlRuleSetLoader loader = new YamlRuleSetLoader();

  public YamlRuleSource(Path file) {
    this.file = file;
  }

  @Override
  public LoadedRules load() {
    return new LoadedRules(loader.load(file), Optional.empty());
  }

  @Override
  public String description() {
    return file.toString();
  }
}

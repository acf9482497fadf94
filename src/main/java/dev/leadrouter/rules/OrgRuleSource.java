package dev.leadrouter.rules;

import com.google.inject.Inject;

/** The rule set of the org's routing records. */
public final class OrgRuleSource implements RuleSource {

  private final OrgRuleSetReader reader;
  private final RecordRuleSets assembler = new RecordRuleSets();

  @Inject
  public OrgRuleSource(OrgRuleSetReader reader) {
    this.reader = reader;
  }

  @Override
  public LoadedRules load() {
    return assembler.assemble(reader.read(), description());
  }

  @Override
  public String description() {
    return "of the org (Routing_*__mdt)";
  }
}

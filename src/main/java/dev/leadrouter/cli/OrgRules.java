package dev.leadrouter.cli;

import com.google.inject.Injector;
import dev.leadrouter.config.ConfigModule;
import dev.leadrouter.rules.OrgRuleSetReader;
import dev.leadrouter.rules.RuleRecords;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.salesforce.SalesforceModule;

/** Reads the org's routing records for a command. */
final class OrgRules {

  private OrgRules() {}

  static RuleRecords read(Injector injector, OrgOptions org) {
    Injector worker =
        injector.createChildInjector(new ConfigModule(org.settings()), new SalesforceModule());
    try {
      return worker.getInstance(OrgRuleSetReader.class).read();
    } catch (SalesforceException failed) {
      throw new InputException(
          "the org's routing records could not be read ("
              + failed.getMessage()
              + "); are the Custom Metadata types of config/salesforce deployed, and the"
              + " permission set Lead_Router_Integration assigned?",
          failed);
    }
  }
}

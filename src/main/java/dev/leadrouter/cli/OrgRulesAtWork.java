package dev.leadrouter.cli;

import com.google.inject.Guice;
import dev.leadrouter.admin.AdminServer;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.ConfigModule;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.rules.OrgRuleSetReader;
import dev.leadrouter.rules.OrgRuleSource;
import dev.leadrouter.rules.RuleSetProvider;
import dev.leadrouter.rules.RulesHealth;
import dev.leadrouter.rules.RulesReloadAction;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The worker's rules when they come from the org: a provider reading the Custom Metadata through a
 * client of its own (the rules are read before the worker is assembled, since their settings record
 * decides the mode), and the admin endpoint that reports on them and reloads them.
 */
final class OrgRulesAtWork {

  private OrgRulesAtWork() {}

  static RuleSetProvider provider(WorkerSettings settings, Clock clock, MeterRegistry meters) {
    List<String> missing = settings.salesforce().missingCredentials();
    if (!missing.isEmpty()) {
      throw new InputException(
          "lead-router.rules.source = org: reading the rules needs the org connection, which"
              + " needs "
              + String.join(", ", missing)
              + "; give --org-credentials FILE, or route with a file: --rules FILE");
    }
    OrgRuleSetReader reader =
        Guice.createInjector(
                new ClockModule(clock),
                new ConfigModule(settings),
                new SalesforceModule(SalesforceClientSettings.defaults()))
            .getInstance(OrgRuleSetReader.class);
    return new RuleSetProvider(
        new OrgRuleSource(reader), settings.rules().refreshInterval(), clock, meters);
  }

  /** Health ({@code /health}), metrics and {@code POST /rules/reload} on lead-router.admin. */
  static AdminServer admin(
      WorkerSettings settings, RuleSetProvider provider, PrometheusMeterRegistry meters) {
    return new AdminServer(
            settings.admin(),
            Set.of(new RulesHealth(provider)),
            Set.of(new RulesReloadAction(provider)),
            meters)
        .start();
  }
}

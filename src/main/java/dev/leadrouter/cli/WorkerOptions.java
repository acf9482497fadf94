package dev.leadrouter.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.leadrouter.config.ConfigurationException;
import dev.leadrouter.config.LogFormat;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.RulesSource;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.config.WorkerSettingsLoader;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.route.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The options of commands that run the worker's parts against an org: settings, org, rules. */
final class WorkerOptions {

  /** The property config/logback.xml reads the format from. */
  private static final String LOG_FORMAT_PROPERTY = "LEAD_ROUTER_LOG_FORMAT";

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "config/application.conf",
      description = "Worker settings, HOCON (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--org-credentials",
      paramLabel = "FILE",
      description =
          "The org connection as JSON (instance_url, login_url, username, password, client_id,"
              + " client_secret, api_version), e.g. from `lead-router emulator --credentials-out`.")
  Path orgCredentials;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Route with this YAML rule set instead of lead-router.rules.")
  Path rules;

  /** The settings, with the credentials file applied and SHADOW forced when asked. */
  WorkerSettings settings(boolean forceShadow) {
    if (!Files.isReadable(config)) {
      throw new InputException("settings file " + config + " does not exist or cannot be read");
    }
    WorkerSettings settings;
    try {
      settings = new WorkerSettingsLoader().load(config, System.getenv());
    } catch (ConfigurationException invalid) {
      throw new InputException(invalid.getMessage());
    }
    if (orgCredentials != null) {
      if (!Files.isReadable(orgCredentials)) {
        throw new InputException(
            "org credentials " + orgCredentials + " do not exist or cannot be read");
      }
      settings =
          settings.withSalesforce(OrgCredentials.apply(orgCredentials, settings.salesforce()));
    }
    settingsRuleSource = settings.rules().source();
    return forceShadow ? settings.withMode(Mode.SHADOW) : settings;
  }

  /** Whether the rules come from the org's Custom Metadata (no --rules, source = org). */
  boolean rulesFromOrg() {
    return rules == null && settingsRuleSource == RulesSource.ORG;
  }

  /** Where lead-router.rules.source points, once {@link #settings} has read it. */
  private RulesSource settingsRuleSource;

  /**
   * The YAML rule set: --rules, or lead-router.rules.file. Commands that cannot follow the org's
   * rules as they change (dlq replay) read the file when the source is the org.
   */
  RuleSet ruleSet(WorkerSettings settings) {
    Path file = rules;
    if (file == null) {
      if (settings.rules().source() == RulesSource.ORG) {
        throw new InputException(
            "lead-router.rules.source = org: this command routes with a rule file; pass --rules"
                + " FILE (e.g. one written by lead-router rules export --to-yaml FILE)");
      }
      file = settings.rules().file();
    }
    if (!Files.isReadable(file)) {
      throw new InputException("rule file " + file + " does not exist or cannot be read");
    }
    return new YamlRuleSetLoader().load(file);
  }

  /**
   * Switches logging to the configured format when it differs from the one logback started with
   * (the environment variable, read at start, wins because the settings read it too).
   */
  static void applyLogFormat(WorkerSettings settings) {
    String wanted = settings.logging().format().name().toLowerCase(Locale.ROOT);
    String current =
        System.getProperty(
            LOG_FORMAT_PROPERTY,
            System.getenv().getOrDefault(LOG_FORMAT_PROPERTY, LogFormat.TEXT.name()));
    if (wanted.equalsIgnoreCase(current)) {
      return;
    }
    System.setProperty(LOG_FORMAT_PROPERTY, wanted);
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.reset();
      try {
        new ContextInitializer(context).autoConfig();
      } catch (Exception unconfigurable) {
        System.err.println("lead-router: logging could not be switched to " + wanted);
      }
    }
  }
}

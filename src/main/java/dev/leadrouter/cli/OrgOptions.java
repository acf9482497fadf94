package dev.leadrouter.cli;

import dev.leadrouter.config.ConfigurationException;
import dev.leadrouter.config.OrgCredentials;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.config.WorkerSettingsLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --org-credentials}: how a command reaches the org. */
final class OrgOptions {

  @Option(
      names = "--config",
      defaultValue = "config/application.conf",
      paramLabel = "FILE",
      description = "Worker settings, for the org connection (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--org-credentials",
      paramLabel = "FILE",
      description =
          "The org connection as JSON, as `lead-router emulator --credentials-out` writes it.")
  Path orgCredentials;

  /** The worker settings with a complete org connection, or a clear input error. */
  WorkerSettings settings() {
    try {
      WorkerSettings settings = new WorkerSettingsLoader().load(config, System.getenv());
      if (orgCredentials != null) {
        settings = OrgCredentials.read(orgCredentials).applyTo(settings);
      }
      List<String> missing = settings.salesforce().missingCredentials();
      if (!missing.isEmpty()) {
        throw new InputException(
            "the org connection needs "
                + String.join(", ", missing)
                + " (lead-router.salesforce in "
                + config
                + "), or give --org-credentials FILE");
      }
      return settings;
    } catch (ConfigurationException invalid) {
      throw new InputException(invalid.getMessage(), invalid);
    }
  }
}

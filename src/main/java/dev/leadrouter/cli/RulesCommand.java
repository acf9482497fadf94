package dev.leadrouter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lead-router rules}: the rule set admins keep in the org, checked and moved around. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Checks, exports and reloads the routing rules admins keep in Salesforce (Custom Metadata).",
      ""
    },
    subcommands = {RulesLintCommand.class, RulesExportCommand.class, RulesReloadCommand.class})
final class RulesCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package dev.leadrouter.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.engine.EngineModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lead-router} command. */
@Command(
    name = "lead-router",
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Routes every new Salesforce Lead to the right owner, explains why, and tracks the follow-up.",
      ""
    },
    subcommands = {
      DemoCommand.class,
      RouteFileCommand.class,
      CheckRulesCommand.class,
      TestRulesCommand.class,
      ExplainCommand.class,
      BenchCommand.class,
      EmulatorCommand.class,
      ShadowReportCommand.class,
      DryRunCommand.class,
      DiffRulesCommand.class,
      GenerateLeadsCommand.class,
      RunCommand.class,
      DlqCommand.class,
      MatchCommand.class,
      RulesCommand.class,
      SlaReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class LeadRouterCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line and returns its exit code (0 ok, 1 check failed, 2 usage or input error).
   */
  public static int execute(String... args) {
    Injector injector = Guice.createInjector(new ClockModule(), new EngineModule());
    return new CommandLine(LeadRouterCli.class, new GuiceFactory(injector))
        .setExecutionExceptionHandler(new FriendlyErrors())
        .execute(args);
  }
}

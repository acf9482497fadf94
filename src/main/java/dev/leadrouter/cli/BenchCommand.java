package dev.leadrouter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that print their figures as JSON. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "End-to-end benchmarks; each prints its figures as JSON.",
    subcommands = {
      BenchDecisionCommand.class,
      BenchE2eCommand.class,
      BenchBurstCommand.class,
      BenchMatchQualityCommand.class,
      BenchMatchCommand.class,
      BenchDryRunDataCommand.class,
      BenchChaosCommand.class,
    })
final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

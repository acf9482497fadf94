package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.DeadLetter;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.worker.DeadLetterReplay;
import dev.leadrouter.worker.WorkerAssembly;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists and replays the dead letters: events that could not be parsed or routed. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    description = "Dead letters: events that could not be parsed or routed, with the reason.",
    subcommands = {DlqCommand.ListLetters.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the dead letters, oldest first, with their reason.")
  static final class ListLetters implements Callable<Integer> {

    @Mixin WorkerOptions options;

    @CommandLine.Option(names = "--all", description = "Also list dead letters already replayed.")
    boolean all;

    @Spec CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    @Inject
    ListLetters(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      WorkerSettings settings = options.settings(false);
      try (Database database = Database.open(settings.store())) {
        List<DeadLetter> letters = new DeadLetters(database, clock).list();
        TextTable table = new TextTable("Id", "Created", "Source", "Replayed", "Reason");
        int shown = 0;
        for (DeadLetter letter : letters) {
          if (all || !letter.replayed()) {
            table.add(
                Long.toString(letter.id()),
                letter.createdAt().toString(),
                letter.source(),
                letter.replayed() ? letter.replayedAt().toString() : "",
                letter.reason());
            shown++;
          }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (shown == 0) {
          out.println(all ? "No dead letters." : "No dead letters waiting.");
        } else {
          table.print(out);
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "Replays dead letters once through the worker's parts: parse, route (a lead routed",
        "meanwhile is not routed twice), write the owner. One that fails again stays, with its",
        "new reason. Exit code 1 when any failed again."
      })
  static final class Replay implements Callable<Integer> {

    static final class Which {
      @Parameters(paramLabel = "ID", description = "The dead letter to replay.")
      Long id;

      @CommandLine.Option(names = "--all", description = "Replay every waiting dead letter.")
      boolean all;
    }

    @ArgGroup(multiplicity = "1")
    Which which;

    @Mixin WorkerOptions options;

    @CommandLine.Option(
        names = "--shadow",
        description = "Route in shadow mode: decisions are logged, nothing is written.")
    boolean shadow;

    @Spec CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    @Inject
    Replay(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
      WorkerSettings settings = options.settings(shadow);
      WorkerOptions.applyLogFormat(settings);
      try (WorkerAssembly assembly =
          WorkerAssembly.create(
              settings,
              options.ruleSet(settings),
              new SimpleMeterRegistry(),
              clock,
              SalesforceClientSettings.of(settings.calls()),
              InitialReplay.NEW_ONLY)) {
        DeadLetterReplay replay = assembly.get(DeadLetterReplay.class);
        List<DeadLetterReplay.Result> results = new ArrayList<>();
        if (which.all) {
          for (DeadLetter letter : replay.waiting()) {
            results.add(replay.replay(letter));
          }
        } else {
          Optional<DeadLetterReplay.Result> result = replay.replay(which.id);
          if (result.isEmpty()) {
            throw new InputException("there is no dead letter " + which.id);
          }
          results.add(result.get());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (DeadLetterReplay.Result result : results) {
          out.printf(
              "%d %s: %s%n",
              result.id(), result.replayed() ? "replayed" : "failed again", result.detail());
        }
        if (results.isEmpty()) {
          out.println("No dead letters waiting.");
        }
        out.flush();
        return results.stream().allMatch(DeadLetterReplay.Result::replayed) ? 0 : 1;
      }
    }
  }
}

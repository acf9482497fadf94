package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.emulator.generator.GeneratedLead;
import dev.leadrouter.emulator.generator.LeadGenerator;
import dev.leadrouter.emulator.generator.OrgConnection;
import dev.leadrouter.emulator.generator.PlannedLead;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Creates leads through an org's REST API as a web form handler would. */
@Command(
    name = "generate-leads",
    mixinStandardHelpOptions = true,
    description = {
      "Creates leads in an org (the emulator or a sandbox) as a web form handler",
      "would: one REST POST per lead, signed in by client credentials. Leads come",
      "from existing accounts' domains, new companies, free-mail addresses and",
      "duplicates, a third with dirty data, and a webinar burst halfway through.",
      "Deterministic for a --seed and an org. Prints a JSON summary; --out writes",
      "every lead's id and timestamps (speed-to-lead starts at created_at)."
    })
final class GenerateLeadsCommand implements Callable<Integer> {

  static final class Target {
    @Option(
        names = "--org-credentials",
        paramLabel = "FILE",
        description = "JSON as `lead-router emulator --credentials-out` writes it.")
    Path credentials;

    @ArgGroup(exclusive = false)
    Explicit explicit;
  }

  static final class Explicit {
    @Option(names = "--instance-url", required = true, paramLabel = "URL")
    URI instanceUrl;

    @Option(names = "--client-id", required = true, paramLabel = "ID")
    String clientId;

    @Option(
        names = "--client-secret",
        required = true,
        paramLabel = "SECRET",
        description = "Consumer secret (prefer --org-credentials: arguments show in `ps`).")
    String clientSecret;

    @Option(names = "--api-version", defaultValue = "62.0", paramLabel = "V")
    String apiVersion;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = "--leads",
      defaultValue = "100",
      paramLabel = "N",
      description = "Leads to create (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--rate",
      defaultValue = "10",
      paramLabel = "R",
      description = "Leads per second outside the burst (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--webinar-share",
      defaultValue = "0.2",
      paramLabel = "F",
      description = "Share of leads arriving at once after a webinar (default: ${DEFAULT-VALUE}).")
  double webinarShare;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Decides every lead (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write every lead (id, kind, submitted_at, created_at, error) as JSON.")
  Path out;

  @Spec CommandSpec spec;

  private final Clock clock;

  @Inject
  GenerateLeadsCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    LeadGenerator.Settings settings;
    try {
      settings = new LeadGenerator.Settings(leads, rate, webinarShare, seed, 8);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
    LeadGenerator generator = new LeadGenerator(connection(), clock);
    List<PlannedLead> plan = generator.plan(settings);
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "leads", plan.size());
    // Posts finish on several threads; the bar only ever moves forward.
    int[] shown = {0};
    long started = System.nanoTime();
    List<GeneratedLead> created =
        generator.run(
            plan,
            settings,
            (lead, done) -> {
              synchronized (bar) {
                if (done > shown[0]) {
                  shown[0] = done;
                  bar.update(done);
                }
              }
            });
    bar.done();
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    if (out != null) {
      JsonOutput.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), rows(created));
    }
    spec.commandLine()
        .getOut()
        .println(JsonOutput.mapper().writeValueAsString(summary(created, elapsedMillis)));
    spec.commandLine().getOut().flush();
    return created.stream().allMatch(lead -> lead.id().isPresent()) ? 0 : 1;
  }

  private OrgConnection connection() throws IOException {
    if (target.credentials != null) {
      if (!Files.isReadable(target.credentials)) {
        throw new InputException(
            "--org-credentials " + target.credentials + " does not exist or cannot be read");
      }
      try {
        return OrgConnection.read(target.credentials);
      } catch (IllegalArgumentException e) {
        throw new InputException("--org-credentials: " + e.getMessage());
      }
    }
    Explicit given = target.explicit;
    return new OrgConnection(
        given.instanceUrl, given.instanceUrl, given.clientId, given.clientSecret, given.apiVersion);
  }

  private static Map<String, Object> summary(List<GeneratedLead> created, long elapsedMillis) {
    Map<String, Long> byKind = new TreeMap<>();
    created.forEach(lead -> byKind.merge(lead.lead().kind(), 1L, Long::sum));
    long ok = created.stream().filter(lead -> lead.id().isPresent()).count();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("leads_created", ok);
    summary.put("leads_failed", created.size() - ok);
    summary.put("dirty", created.stream().filter(lead -> lead.lead().dirty()).count());
    summary.put("by_kind", byKind);
    summary.put("elapsed_ms", elapsedMillis);
    return summary;
  }

  private static List<Map<String, Object>> rows(List<GeneratedLead> created) {
    return created.stream()
        .map(
            lead -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("sequence", lead.lead().sequence());
              row.put("id", lead.id().orElse(null));
              row.put("kind", lead.lead().kind());
              row.put("dirty", lead.lead().dirty());
              row.put("submitted_at", lead.submittedAt().toString());
              row.put("created_at", lead.createdAt().map(Object::toString).orElse(null));
              row.put("error", lead.error().orElse(null));
              return row;
            })
        .toList();
  }
}

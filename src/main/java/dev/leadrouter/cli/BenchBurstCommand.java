package dev.leadrouter.cli;

import com.google.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A webinar import: how long until every lead of a burst is routed and written. */
@Command(
    name = "burst",
    mixinStandardHelpOptions = true,
    description = {
      "A webinar import against an in-process emulated org: leads created 200 at a time as fast",
      "as the org takes them; reports the seconds until every one is routed and its owner",
      "written (drain_s), API calls per lead, lost and duplicated leads."
    })
final class BenchBurstCommand implements java.util.concurrent.Callable<Integer> {

  private static final int CHUNK = 200;

  @Option(
      names = "--leads",
      defaultValue = "100000",
      description = "Leads in the burst (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
  Path json;

  @Spec CommandSpec spec;

  private final Clock clock;

  @Inject
  BenchBurstCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (leads < 1) {
      throw new InputException("--leads must be at least 1");
    }
    Path scratch = Files.createTempDirectory("lead-router-bench");
    Map<String, Object> report = new LinkedHashMap<>();
    try (BenchOrg org = new BenchOrg(clock, scratch, 2000)) {
      org.startWorker();
      long usageBefore = org.apiUsage();
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "leads", leads);
      long start = System.nanoTime();
      List<String> ids = new ArrayList<>(leads);
      for (int from = 0; from < leads; from += CHUNK) {
        ids.addAll(org.importLeads(from, Math.min(CHUNK, leads - from)));
        bar.update(ids.size());
      }
      bar.done();
      int creates = (leads + CHUNK - 1) / CHUNK;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
      int next = 0;
      while (next < ids.size() && System.nanoTime() < deadline) {
        if (org.ownerWrittenAt(ids.get(next)).isPresent()) {
          next++;
        } else {
          TimeUnit.MILLISECONDS.sleep(50);
        }
      }
      double drain = (System.nanoTime() - start) / 1e9;
      long lost = ids.stream().filter(id -> org.ownerWrittenAt(id).isEmpty()).count();
      long workerCalls = org.apiUsage() - usageBefore - creates - 1;
      report.put("leads", leads);
      report.put("drain_s", BenchE2eCommand.round(drain));
      report.put("api_calls_per_lead", BenchE2eCommand.round((double) workerCalls / leads));
      // Bulk API 1.0 calls count against the org's budget too: a job is about five (create,
      // add batch, close, poll, results), more when its status is polled longer.
      report.put("bulk_jobs", org.bulkJobs());
      report.put("lost", lost);
      report.put("duplicates", org.duplicates());
    }
    String text = JsonOutput.mapper().writeValueAsString(report);
    spec.commandLine().getOut().println(text);
    spec.commandLine().getOut().flush();
    if (json != null) {
      Files.writeString(json, text + "\n");
    }
    return 0;
  }
}

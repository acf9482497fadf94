package dev.leadrouter.cli;

import com.google.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Speed to lead, end to end, against an in-process emulated org. */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    description = {
      "Speed to lead end to end: leads created over REST at a steady rate (as web forms create",
      "them) are routed by the worker through CometD, the store and sObject Collections. Reports",
      "p50/p99 from the change's commit to the owner written, API calls per lead, lost and",
      "duplicated leads, measured on an in-process emulated org with no added latency."
    })
final class BenchE2eCommand implements java.util.concurrent.Callable<Integer> {

  @Option(
      names = "--rate",
      defaultValue = "50",
      description = "Leads created per second (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--duration",
      defaultValue = "60",
      description = "Seconds to create leads for (default: ${DEFAULT-VALUE}).")
  int duration;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
  Path json;

  @Spec CommandSpec spec;

  private final Clock clock;

  @Inject
  BenchE2eCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (rate < 1 || rate > 1000 || duration < 1) {
      throw new InputException("--rate must be 1 to 1000 and --duration at least 1");
    }
    Path scratch = Files.createTempDirectory("lead-router-bench");
    int total = rate * duration;
    List<CompletableFuture<HttpResponse<String>>> created =
        Collections.synchronizedList(new ArrayList<>());
    Map<String, Object> report = new LinkedHashMap<>();
    try (BenchOrg org = new BenchOrg(clock, scratch, 2000)) {
      org.startWorker();
      long usageBefore = org.apiUsage();
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "leads", total);
      AtomicInteger sent = new AtomicInteger();
      ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
      try {
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        pacer.scheduleAtFixedRate(
            () -> {
              int n = sent.getAndIncrement();
              if (n < total) {
                try {
                  created.add(
                      org.http()
                          .sendAsync(org.webFormLead(n), HttpResponse.BodyHandlers.ofString()));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
                bar.update(n + 1);
              }
            },
            0,
            periodNanos,
            TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
      } finally {
        pacer.shutdownNow();
      }
      bar.done();
      List<String> ids = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> response : created) {
        ids.add(org.idOf(response.get()));
      }
      Instant deadline = clock.instant().plusSeconds(30);
      List<Long> latencies = new ArrayList<>();
      long lost = 0;
      for (String id : ids) {
        Optional<Instant> written = org.ownerWrittenAt(id);
        while (written.isEmpty() && clock.instant().isBefore(deadline)) {
          TimeUnit.MILLISECONDS.sleep(20);
          written = org.ownerWrittenAt(id);
        }
        if (written.isEmpty()) {
          lost++;
        } else {
          latencies.add(Duration.between(org.createdAt(id), written.get()).toMillis());
        }
      }
      long workerCalls = org.apiUsage() - usageBefore - total - 1;
      Collections.sort(latencies);
      report.put("leads", total);
      report.put("rate_per_s", rate);
      report.put("p50_ms", percentile(latencies, 0.50));
      report.put("p99_ms", percentile(latencies, 0.99));
      report.put("max_ms", latencies.isEmpty() ? null : latencies.get(latencies.size() - 1));
      report.put("api_calls_per_lead", round((double) workerCalls / total));
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

  static Long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}

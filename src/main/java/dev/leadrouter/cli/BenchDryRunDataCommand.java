package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.lead.SalesforceId;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes Salesforce-shaped exports of the demo org for dry-run benchmarks: its accounts and N leads
 * created over 90 days, from a fixed seed, so {@code dry-run} timings can be repeated.
 */
@Command(
    name = "dry-run-data",
    mixinStandardHelpOptions = true,
    description = {
      "Writes accounts.csv (the demo org's 10,000 accounts) and leads.csv (N leads modelled on",
      "the demo org's leads, a third at its accounts' domains, created over the 90 days before",
      "2026-11-20, owned by the demo's SDRs or the account owner) from a seed, for timing",
      "`lead-router dry-run --csv leads.csv --accounts accounts.csv --rules",
      "config/demo/rules.yaml`. Prints the counts as JSON."
    })
final class BenchDryRunDataCommand implements Callable<Integer> {

  static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(90);

  private static final List<String> LEAD_COLUMNS =
      List.of(
          "Id",
          "OwnerId",
          "CreatedDate",
          "FirstName",
          "LastName",
          "Company",
          "Email",
          "Title",
          "Country",
          "LeadSource",
          "Industry",
          "NumberOfEmployees");

  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);

  @Option(names = "--leads", defaultValue = "100000", description = "Leads to write.")
  int leads;

  @Option(names = "--seed", defaultValue = "2026", description = "Random seed.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws IOException {
    Map<String, Object> org = new DemoOrgGenerator(DemoOrgGenerator.DEFAULT_SEED).seed();
    List<Map<String, Object>> accounts = (List<Map<String, Object>>) org.get("accounts");
    List<Map<String, Object>> templates = (List<Map<String, Object>>) org.get("leads");
    Files.createDirectories(out);
    CsvMapper csv = new CsvMapper();
    writeCsv(csv, out.resolve("accounts.csv"), MatchCommand.ACCOUNT_HEADERS, accounts);
    Random random = new Random(seed);
    List<Map<String, Object>> rows = new ArrayList<>(leads);
    for (int i = 1; i <= leads; i++) {
      Map<String, Object> lead =
          new LinkedHashMap<>(templates.get(random.nextInt(templates.size())));
      lead.put("Id", new SalesforceId("00QBh" + String.format(Locale.ROOT, "%010d", i)).value());
      if (random.nextInt(3) == 0) {
        Map<String, Object> account = accounts.get(random.nextInt(accounts.size()));
        String website = String.valueOf(account.get("Website")).replace("https://www.", "");
        String email = String.valueOf(lead.get("Email"));
        lead.put("Email", email.substring(0, email.indexOf('@') + 1) + website);
        lead.put("Company", account.get("Name"));
        lead.put("Country", account.get("BillingCountry"));
        lead.put("OwnerId", account.get("OwnerId"));
      }
      lead.put("CreatedDate", CREATED.format(created(random)));
      rows.add(lead);
    }
    writeCsv(csv, out.resolve("leads.csv"), LEAD_COLUMNS, rows);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("accounts", accounts.size());
    summary.put("leads", leads);
    summary.put("seed", seed);
    summary.put("out", out.toString());
    spec.commandLine().getOut().println(JsonOutput.mapper().writeValueAsString(summary));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Mostly on weekdays during American and European office hours, some at any time. */
  private static Instant created(Random random) {
    Instant day = END.minus(SPAN).plus(Duration.ofDays(random.nextInt((int) SPAN.toDays())));
    int weekday = day.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue();
    if (weekday >= 6 && random.nextInt(4) != 0) {
      day = day.minus(Duration.ofDays(weekday - 5L)); // most weekend leads move to Friday
    }
    int hour = random.nextInt(10) < 8 ? 7 + random.nextInt(15) : random.nextInt(24);
    return day.plus(Duration.ofHours(hour)).plusSeconds(random.nextInt(3600));
  }

  private static void writeCsv(
      CsvMapper csv, Path file, List<String> columns, List<Map<String, Object>> rows)
      throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        SequenceWriter out = csv.writer(schema.build()).writeValues(writer)) {
      for (Map<String, Object> row : rows) {
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
          Object value = row.get(column);
          cells.add(value == null ? "" : String.valueOf(value));
        }
        out.write(cells);
      }
    }
  }
}

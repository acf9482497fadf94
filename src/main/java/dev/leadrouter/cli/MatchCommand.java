package dev.leadrouter.cli;

import static dev.leadrouter.cli.CsvRows.abbreviate;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.inject.Inject;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.Account;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountKeys;
import dev.leadrouter.match.FuzzyNameScorer;
import dev.leadrouter.match.IndexAccountMatcher;
import dev.leadrouter.match.MatchPolicy;
import dev.leadrouter.match.MatchResult;
import dev.leadrouter.normalize.LeadNormalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Batch lead-to-account matching of Salesforce CSV exports. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Matches leads to accounts from Salesforce CSV exports (a report or Data Loader export).",
      "Accounts: Id,Name,Website,BillingCountry,BillingState,OwnerId,ParentId,Type,",
      "NumberOfEmployees,Industry (optional: Domains, Aliases). Leads: Id,Email,Company,Website,",
      "Country,State. Writes lead_id,account_id,confidence,method; an empty account_id means no",
      "match. Bad rows are reported with their line number and skipped."
    })
final class MatchCommand implements Callable<Integer> {

  static final List<String> ACCOUNT_HEADERS =
      List.of(
          "Id",
          "Name",
          "Website",
          "BillingCountry",
          "BillingState",
          "OwnerId",
          "ParentId",
          "Type",
          "NumberOfEmployees",
          "Industry");
  static final List<String> LEAD_HEADERS =
      List.of("Id", "Email", "Company", "Website", "Country", "State");

  @Option(names = "--accounts", required = true, paramLabel = "CSV", description = "Accounts.")
  Path accountsFile;

  @Option(names = "--leads", required = true, paramLabel = "CSV", description = "Leads.")
  Path leadsFile;

  @Option(names = "--out", required = true, paramLabel = "CSV", description = "Matches to write.")
  Path out;

  @Spec CommandSpec spec;

  private final AccountKeys keys;
  private final LeadNormalizer normalizer;
  private final CsvMapper csv = new CsvMapper();

  @Inject
  MatchCommand(AccountKeys keys, LeadNormalizer normalizer) {
    this.keys = keys;
    this.normalizer = normalizer;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    AccountIndex index = new AccountIndex(keys, 1024);
    CsvRows reader = new CsvRows(err);
    int accounts =
        reader.read(
            accountsFile,
            ACCOUNT_HEADERS,
            (line, row) -> {
              String problem = accountProblem(row);
              if (problem != null) {
                reader.skip(accountsFile, line, problem);
              } else {
                index.upsert(toAccount(row));
              }
            });
    IndexAccountMatcher matcher =
        new IndexAccountMatcher(index, keys, new FuzzyNameScorer(), MatchPolicy.defaults());
    long total = CsvRows.countLines(leadsFile) - 1;
    ProgressBar bar = new ProgressBar(err, "leads", total);
    int[] written = {0};
    int[] matched = {0};
    CsvSchema outSchema =
        CsvSchema.builder()
            .addColumn("lead_id")
            .addColumn("account_id")
            .addColumn("confidence")
            .addColumn("method")
            .setUseHeader(true)
            .build();
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        SequenceWriter rows = csv.writer(outSchema).writeValues(writer)) {
      reader.read(
          leadsFile,
          LEAD_HEADERS,
          (line, row) -> {
            String id = row.get("Id");
            if (SalesforceId.parse(id).isEmpty()) {
              reader.skip(leadsFile, line, "Id '" + abbreviate(id) + "' is not a Salesforce id");
              return;
            }
            MatchResult result = matcher.match(normalizer.normalize(toLead(row)));
            write(rows, id.strip(), result);
            matched[0] += result.matched() ? 1 : 0;
            if (++written[0] % 1_000 == 0) {
              bar.update(written[0]);
            }
          });
    }
    bar.done();
    err.printf(
        Locale.ROOT,
        "%d accounts, %d leads, %d matched, %d rows skipped; wrote %s%n",
        accounts,
        written[0],
        matched[0],
        reader.skipped(),
        out);
    err.flush();
    return 0;
  }

  static String accountProblem(Map<String, String> row) {
    String id = row.get("Id");
    if (SalesforceId.parse(id).isEmpty()) {
      return "Id '" + abbreviate(id) + "' is not a Salesforce id";
    }
    for (String field : List.of("OwnerId", "ParentId")) {
      String value = row.get(field);
      if (value != null && !value.isBlank() && SalesforceId.parse(value).isEmpty()) {
        return field + " '" + abbreviate(value) + "' is not a Salesforce id";
      }
    }
    if (blank(row.get("Name")) && blank(row.get("Website"))) {
      return "neither Name nor Website is given";
    }
    String employees = row.get("NumberOfEmployees");
    if (!blank(employees) && !employees.strip().matches("\\d+(\\.0+)?")) {
      return "NumberOfEmployees '" + abbreviate(employees) + "' is not a number";
    }
    return null;
  }

  static Account toAccount(Map<String, String> row) {
    return new Account(
        new SalesforceId(row.get("Id").strip()),
        emptyToNull(row.get("Name")),
        emptyToNull(row.get("Website")),
        split(row.get("Domains")),
        split(row.get("Aliases")),
        emptyToNull(row.get("BillingCountry")),
        emptyToNull(row.get("BillingState")),
        SalesforceId.parse(row.get("OwnerId")).orElse(null),
        !"false".equalsIgnoreCase(row.getOrDefault("Owner.IsActive", "true").strip()),
        SalesforceId.parse(row.get("ParentId")).orElse(null),
        emptyToNull(row.get("Type")),
        blank(row.get("NumberOfEmployees"))
            ? null
            : (int) Double.parseDouble(row.get("NumberOfEmployees").strip()),
        emptyToNull(row.get("Industry")));
  }

  private static Lead toLead(Map<String, String> row) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : LEAD_HEADERS) {
      if (!blank(row.get(field))) {
        fields.put(field, row.get(field));
      }
    }
    return new Lead(row.get("Id").strip(), fields);
  }

  private static void write(SequenceWriter rows, String leadId, MatchResult result) {
    try {
      rows.write(
          result.matched()
              ? List.of(
                  leadId,
                  result.best().accountId().value(),
                  String.valueOf(result.best().confidence()),
                  result.method().label())
              : List.of(leadId, "", "", ""));
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
  }

  private static List<String> split(String value) {
    return blank(value) ? List.of() : List.of(value.split("[,;]"));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String emptyToNull(String value) {
    return blank(value) ? null : value;
  }
}

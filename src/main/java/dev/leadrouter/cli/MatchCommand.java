package dev.leadrouter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
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
    int[] skipped = {0};
    int accounts =
        readRows(
            accountsFile,
            ACCOUNT_HEADERS,
            (line, row) -> {
              String problem = accountProblem(row);
              if (problem != null) {
                report(err, accountsFile, line, problem, skipped);
              } else {
                index.upsert(toAccount(row));
              }
            },
            err,
            skipped);
    IndexAccountMatcher matcher =
        new IndexAccountMatcher(index, keys, new FuzzyNameScorer(), MatchPolicy.defaults());
    long total = countLines(leadsFile) - 1;
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
      readRows(
          leadsFile,
          LEAD_HEADERS,
          (line, row) -> {
            String id = row.get("Id");
            if (SalesforceId.parse(id).isEmpty()) {
              report(
                  err,
                  leadsFile,
                  line,
                  "Id '" + abbreviate(id) + "' is not a Salesforce id",
                  skipped);
              return;
            }
            MatchResult result = matcher.match(normalizer.normalize(toLead(row)));
            write(rows, id.strip(), result);
            matched[0] += result.matched() ? 1 : 0;
            if (++written[0] % 1_000 == 0) {
              bar.update(written[0]);
            }
          },
          err,
          skipped);
    }
    bar.done();
    err.printf(
        Locale.ROOT,
        "%d accounts, %d leads, %d matched, %d rows skipped; wrote %s%n",
        accounts,
        written[0],
        matched[0],
        skipped[0],
        out);
    err.flush();
    return 0;
  }

  /**
   * Reads a CSV file with a header row, handing each row (with its line number) to {@code row}. A
   * row the CSV parser cannot read is reported and skipped; returns the rows handed over.
   */
  private int readRows(
      Path file,
      List<String> required,
      BiConsumer<Integer, Map<String, String>> row,
      PrintWriter err,
      int[] skipped) {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    int rows = 0;
    try (Reader reader = bomless(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        MappingIterator<Map<String, String>> iterator =
            csv.readerForMapOf(String.class).with(schema).readValues(reader)) {
      CsvSchema header = (CsvSchema) iterator.getParserSchema();
      for (String column : required) {
        if (header.column(column) == null) {
          throw new InputException(
              file + ": the header has no column " + column + " (expected " + required + ")");
        }
      }
      int lastBad = 0;
      while (true) {
        int line = 0;
        try {
          if (!iterator.hasNextValue()) {
            break;
          }
          line = iterator.getCurrentLocation().getLineNr();
          Map<String, String> values = iterator.nextValue();
          row.accept(line, values);
          rows++;
        } catch (RuntimeJsonMappingException | IllegalArgumentException bad) {
          report(err, file, Math.max(line, lineOf(iterator)), firstLine(bad.getMessage()), skipped);
        } catch (CsvReadException tooMany) {
          // A row with more cells than the header: an unquoted comma shifted it. The parser is
          // past the row, so reading goes on.
          int at =
              tooMany.getLocation() == null ? lineOf(iterator) : tooMany.getLocation().getLineNr();
          report(err, file, at, firstLine(tooMany.getOriginalMessage()), skipped);
          if (at <= lastBad) {
            break; // the parser is stuck on this row: stop rather than loop
          }
          lastBad = at;
        } catch (JsonProcessingException broken) {
          // The parser cannot find the next row boundary (an unclosed quote runs to the end):
          // keep what was read, say where reading stopped.
          report(
              err,
              file,
              broken.getLocation() == null ? lineOf(iterator) : broken.getLocation().getLineNr(),
              firstLine(broken.getOriginalMessage()) + "; the rest of the file is not read",
              skipped);
          break;
        }
      }
    } catch (NoSuchFileException missing) {
      throw new InputException(file + ": no such file");
    } catch (IOException unreadable) {
      throw new UncheckedIOException(file + ": " + unreadable.getMessage(), unreadable);
    }
    return rows;
  }

  private static int lineOf(MappingIterator<?> iterator) {
    return iterator.getCurrentLocation().getLineNr();
  }

  private static String accountProblem(Map<String, String> row) {
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

  private static Account toAccount(Map<String, String> row) {
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

  private static void report(PrintWriter err, Path file, int line, String problem, int[] skipped) {
    skipped[0]++;
    err.println(file.getFileName() + " line " + line + ": " + problem + "; row skipped");
  }

  /** Data Loader and Excel write a byte-order mark; it must not become part of the first header. */
  private static Reader bomless(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  private static long countLines(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    } catch (IOException | UncheckedIOException unreadable) {
      return 1;
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

  private static String abbreviate(String value) {
    if (value == null) {
      return "";
    }
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable row";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

package dev.leadrouter.cli;

import static dev.leadrouter.cli.CsvRows.abbreviate;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Salesforce Lead export: {@code Id} is required, {@code OwnerId} and {@code CreatedDate}
 * are read when present, and every column becomes a Lead field, so rules can name any of them.
 */
final class LeadCsv {

  /**
   * CreatedDate as Data Loader ({@code 2026-11-20T10:00:00.000Z}), the REST API ({@code
   * ...000+0000}) and reports ({@code 2026-11-20 10:00}) write it; no offset means UTC.
   */
  private static final DateTimeFormatter CREATED =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd")
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendPattern("HH:mm[:ss][.SSS][XXX][XX]")
          .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
          .toFormatter(Locale.ROOT);

  private final CsvRows reader;

  LeadCsv(CsvRows reader) {
    this.reader = reader;
  }

  List<HistoricLead> read(Path file) {
    List<HistoricLead> leads = new ArrayList<>();
    reader.read(
        file,
        List.of("Id"),
        (line, row) -> {
          String problem = problem(row);
          if (problem != null) {
            reader.skip(file, line, problem);
            return;
          }
          leads.add(
              new HistoricLead(
                  new Lead(new SalesforceId(row.get("Id").strip()).value(), row),
                  SalesforceId.parse(row.get("OwnerId")).orElse(null),
                  created(row.get("CreatedDate"))));
        });
    return leads;
  }

  private static String problem(Map<String, String> row) {
    String id = row.get("Id");
    if (SalesforceId.parse(id).isEmpty()) {
      return "Id '" + abbreviate(id) + "' is not a Salesforce id";
    }
    String owner = row.get("OwnerId");
    if (!blank(owner) && SalesforceId.parse(owner).isEmpty()) {
      return "OwnerId '" + abbreviate(owner) + "' is not a Salesforce id";
    }
    String created = row.get("CreatedDate");
    if (!blank(created)) {
      try {
        created(created);
      } catch (DateTimeParseException notADate) {
        return "CreatedDate '"
            + abbreviate(created)
            + "' is not a date and time such as 2026-11-20T10:00:00.000Z";
      }
    }
    return null;
  }

  static Instant created(String text) {
    return blank(text) ? null : OffsetDateTime.parse(text.strip(), CREATED).toInstant();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

package dev.leadrouter.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CSV that Bulk API 1.0 batches take and give back. Requests: a header of field names, then one
 * row per record, {@code #N/A} to clear a field. Results: {@code "Id","Success","Created","Error"}
 * with errors written {@code CODE:message:fields --}.
 */
final class BulkCsv {

  /** How Bulk API CSV says "set this field to null". */
  static final String NULL_VALUE = "#N/A";

  private final CsvMapper csv = new CsvMapper();

  /** The batch body: every field any record names, {@code Id} first. */
  String write(List<JsonNode> records) {
    Set<String> columns = new LinkedHashSet<>();
    columns.add("Id");
    for (JsonNode record : records) {
      record.fieldNames().forEachRemaining(columns::add);
    }
    columns.remove("attributes");
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setQuoteChar('"');
    columns.forEach(schema::addColumn);
    List<List<String>> rows = new ArrayList<>(records.size());
    for (JsonNode record : records) {
      List<String> row = new ArrayList<>(columns.size());
      for (String column : columns) {
        JsonNode value = record.get(column);
        row.add(value == null ? "" : value.isNull() ? NULL_VALUE : value.asText());
      }
      rows.add(row);
    }
    try {
      StringWriter out = new StringWriter();
      csv.writer(schema.build())
          .with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
          .writeValues(out)
          .writeAll(rows)
          .close();
      return out.toString();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  /** The results of a batch, in the order of its rows. */
  List<SaveResult> readResults(InputStream results) {
    List<SaveResult> saved = new ArrayList<>();
    try (MappingIterator<List<String>> rows =
        csv.readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(results)) {
      boolean header = true;
      while (rows.hasNext()) {
        List<String> row = rows.next();
        if (header) {
          header = false;
          continue;
        }
        saved.add(result(row));
      }
    } catch (IOException unreadable) {
      throw SalesforceException.transport(unreadable);
    }
    return saved;
  }

  private static SaveResult result(List<String> row) {
    String id = cell(row, 0);
    boolean success = Boolean.parseBoolean(cell(row, 1));
    String error = cell(row, 3);
    List<SalesforceError> errors = success || error.isEmpty() ? List.of() : List.of(error(error));
    return new SaveResult(id.isEmpty() ? Optional.empty() : Optional.of(id), success, errors);
  }

  /** {@code UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--}. */
  static SalesforceError error(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new SalesforceError(text.trim(), text.trim(), List.of());
    }
    String code = text.substring(0, colon).trim();
    String rest = text.substring(colon + 1);
    int fieldsAt = rest.lastIndexOf(':');
    String message = fieldsAt < 0 ? rest : rest.substring(0, fieldsAt);
    List<String> fields = new ArrayList<>();
    if (fieldsAt >= 0) {
      for (String field : rest.substring(fieldsAt + 1).replace("--", "").split(",")) {
        if (!field.isBlank()) {
          fields.add(field.trim());
        }
      }
    }
    return new SalesforceError(code, message.trim(), fields);
  }

  private static String cell(List<String> row, int index) {
    return index < row.size() && row.get(index) != null ? row.get(index) : "";
  }
}

package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.RecordChange;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.org.UnknownFieldException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a batch's rows through the same write path as REST, in one transaction: every saved record
 * publishes a change event whose origin names the Bulk API. Each row fails or succeeds alone, as
 * Bulk API 1.0 has no all-or-none. Assignment rules run only when the job asked for them.
 */
final class BulkRows {

  /** How Bulk API CSV says "set this field to null"; an empty cell leaves the field as it is. */
  static final String NULL_VALUE = "#N/A";

  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

  private final Org org;
  private final Writes writes;

  BulkRows(Org org, Writes writes) {
    this.org = org;
    this.writes = writes;
  }

  List<BulkBatch.Result> run(BulkJob job, BulkBatch batch) {
    Writes.Transaction transaction = writes.beginBulk(job.call());
    List<BulkBatch.Result> results = new ArrayList<>();
    for (List<String> row : batch.rows()) {
      results.add(runRow(job, transaction, batch.header(), row));
    }
    return results;
  }

  private BulkBatch.Result runRow(
      BulkJob job, Writes.Transaction transaction, List<String> header, List<String> row) {
    String rawId = cell(header, row, "Id");
    try {
      boolean insert = job.operation().equals("insert");
      Map<String, Object> existing =
          insert
              ? Map.of()
              : org.data()
                  .find(job.type(), writes.existingId(job.type(), rawId))
                  .orElseGet(Map::of);
      Map<String, Object> fields = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i);
        String value = i < row.size() ? row.get(i) : "";
        if (!name.equalsIgnoreCase("Id") && !value.isEmpty()) {
          String field = field(job.type(), name);
          fields.put(field, value.equals(NULL_VALUE) ? null : typed(field, value, existing));
        }
      }
      RecordChange change =
          job.operation().equals("insert")
              ? transaction.create(job.type(), fields)
              : transaction.update(job.type(), rawId, fields);
      return new BulkBatch.Result(change.id(), true, job.operation().equals("insert"), "");
    } catch (RowError e) {
      // A malformed id names no record, so the result carries none.
      String id = e.statusCode().equals("MALFORMED_ID") ? "" : rawId;
      return new BulkBatch.Result(id, false, false, error(e));
    } catch (UnknownFieldException e) {
      return new BulkBatch.Result(rawId, false, false, error(invalidField(job.type(), e.field())));
    }
  }

  private static String cell(List<String> header, List<String> row, String column) {
    for (int i = 0; i < header.size() && i < row.size(); i++) {
      if (header.get(i).equalsIgnoreCase(column)) {
        return row.get(i);
      }
    }
    return "";
  }

  /**
   * CSV carries only text; a field that holds a number or checkbox keeps that type, so SOQL still
   * compares it as one. The emulator has no schema, so the record's current value tells the type
   * (inserted records keep text).
   */
  private static Object typed(String field, String value, Map<String, Object> existing) {
    Object current = existing.get(field);
    try {
      if (current instanceof Boolean) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw new NumberFormatException(value);
        }
        return Boolean.valueOf(value);
      }
      if (current instanceof Number) {
        BigDecimal number = new BigDecimal(value.trim());
        return number.scale() <= 0 && number.abs().compareTo(MAX_INT) <= 0
            ? (Object) number.intValueExact()
            : (Object) number.doubleValue();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw new RowError(
          "INVALID_TYPE_ON_FIELD_IN_RECORD",
          field + ": value not of required type: " + value,
          List.of(field));
    }
    return value;
  }

  private String field(SObjectType type, String name) {
    Optional<String> field = org.data().field(type, name);
    return field.orElseThrow(() -> invalidField(type, name));
  }

  private static RowError invalidField(SObjectType type, String name) {
    return new RowError(
        "INVALID_FIELD",
        "No such column '" + name + "' on entity '" + type.apiName() + "'",
        List.of(name));
  }

  /**
   * {@code CODE:message:fields --}, as the result CSV's Error column writes a failure ({@code
   * CODE:message:--} when no field is to blame).
   */
  private static String error(RowError e) {
    String fields = e.fields().isEmpty() ? "" : String.join(",", e.fields()) + " ";
    return e.statusCode() + ":" + e.getMessage() + ":" + fields + "--";
  }
}

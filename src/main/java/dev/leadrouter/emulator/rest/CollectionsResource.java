package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.org.SObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code composite/sobjects}: create (POST) or update (PATCH) up to 200 records in one call, with
 * one result per record in request order and HTTP 200 even when records fail
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_update.htm).
 * With {@code allOrNone} every record is checked first and nothing is written if one fails.
 */
final class CollectionsResource {

  static final int MAX_RECORDS = 200;

  private final SObjectResource sobjects;
  private final Writes writes;

  CollectionsResource(SObjectResource sobjects, Writes writes) {
    this.sobjects = sobjects;
    this.writes = writes;
  }

  Reply write(Call call, Map<String, Object> body, boolean create) {
    if (!(body.get("records") instanceof List<?> records)) {
      throw new RestError(400, "JSON_PARSER_ERROR", "Required field 'records' is missing");
    }
    if (records.size() > MAX_RECORDS) {
      throw new RestError(
          400,
          "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than 200 records into this call");
    }
    List<Row> rows = new ArrayList<>();
    for (Object record : records) {
      rows.add(row(record, create));
    }
    boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
    if (allOrNone && rows.stream().anyMatch(r -> r.error().isPresent())) {
      return Reply.ok(rows.stream().map(CollectionsResource::rolledBack).toList());
    }
    Writes.Transaction transaction = writes.begin(call);
    List<Map<String, Object>> results = new ArrayList<>();
    for (Row row : rows) {
      if (row.error().isPresent()) {
        results.add(failure(row.error().get()));
        continue;
      }
      try {
        String id =
            create
                ? transaction.create(row.type(), row.values()).id()
                : transaction.update(row.type(), row.id(), row.values()).id();
        results.add(success(id));
      } catch (RowError e) {
        results.add(failure(e));
      }
    }
    return Reply.ok(results);
  }

  /** A record of the request, checked as far as can be done before writing. */
  private Row row(Object record, boolean create) {
    if (!(record instanceof Map<?, ?> raw)) {
      throw new RestError(400, "JSON_PARSER_ERROR", "records must be JSON objects");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) raw;
    Object typeName =
        fields.get("attributes") instanceof Map<?, ?> attributes ? attributes.get("type") : null;
    if (!(typeName instanceof String name)) {
      throw new RestError(400, "INVALID_TYPE", "Must specify a type in the attributes");
    }
    SObjectType type =
        SObjectType.named(name)
            .orElseThrow(
                () ->
                    new RestError(
                        400, "INVALID_TYPE", "sObject type '" + name + "' is not supported."));
    // Unknown fields fail the whole request, as the org cannot even read the body.
    Map<String, Object> values = sobjects.fields(type, fields);
    String id = (String) Optional.ofNullable(fields.get("id")).orElse(fields.get("Id"));
    try {
      writes.checkReferences(values);
      if (create) {
        if (id != null) {
          throw new RowError(
              "INVALID_FIELD_FOR_INSERT_UPDATE",
              "cannot specify Id in an insert call",
              List.of("Id"));
        }
        return new Row(type, null, values, Optional.empty());
      }
      if (id == null) {
        throw new RowError("MISSING_ARGUMENT", "Id not specified in an update call", List.of());
      }
      return new Row(type, writes.existingId(type, id), values, Optional.empty());
    } catch (RowError e) {
      return new Row(type, id, values, Optional.of(e));
    }
  }

  private record Row(
      SObjectType type, String id, Map<String, Object> values, Optional<RowError> error) {}

  private static Map<String, Object> success(String id) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", id);
    result.put("success", true);
    result.put("errors", List.of());
    return result;
  }

  private static Map<String, Object> failure(RowError error) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("success", false);
    result.put("errors", List.of(error.toJson()));
    return result;
  }

  private static Map<String, Object> rolledBack(Row row) {
    return failure(
        row.error()
            .orElseGet(
                () ->
                    new RowError(
                        "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                        "Record rolled back because not all records were valid and the request"
                            + " was using AllOrNone header",
                        List.of())));
  }
}

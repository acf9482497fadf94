package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.org.CustomMetadata;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.soql.MalformedQueryException;
import dev.leadrouter.emulator.soql.SoqlQuery;
import dev.leadrouter.lead.SalesforceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET query?q=} and {@code GET query/<locator>-<offset>} (queryMore), paged as
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm shows. A
 * query's results are fixed when it runs; its cursor is dropped once its last page is read, after
 * 15 minutes without use, or when its user opens more than 10 (the oldest goes first), as
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_querymore.htm
 * describes; a dropped cursor's next page is INVALID_QUERY_LOCATOR.
 */
final class QueryResource {

  static final Duration CURSOR_IDLE_LIMIT = Duration.ofMinutes(15);
  static final int CURSORS_PER_USER = 10;

  private final Org org;
  private final Clock clock;
  private final int defaultBatchSize;
  private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
  private final AtomicLong locators = new AtomicLong();

  QueryResource(Org org, Clock clock, int defaultBatchSize) {
    this.org = org;
    this.clock = clock;
    this.defaultBatchSize = defaultBatchSize;
  }

  Reply query(Call call, String soql, String queryOptions) {
    if (soql == null || soql.isBlank()) {
      throw new RestError(400, "MALFORMED_QUERY", "A query string has to be specified");
    }
    SoqlQuery query;
    try {
      query = SoqlQuery.parse(soql);
    } catch (MalformedQueryException | NumberFormatException e) {
      throw new RestError(400, "MALFORMED_QUERY", e.getMessage());
    }
    if (query.object().toLowerCase(Locale.ROOT).endsWith("__mdt")) {
      return customMetadata(call, query, queryOptions);
    }
    SObjectType type =
        SObjectType.named(query.object())
            .orElseThrow(
                () ->
                    new RestError(
                        400,
                        "INVALID_TYPE",
                        "sObject type '" + query.object() + "' is not supported."));
    for (String field : query.namedFields()) {
      if (field.contains(".")) {
        ParentFields.validate(org, type, field);
      } else {
        Records.field(org, type, field);
      }
    }
    List<String> columns =
        query.fields().stream()
            .map(f -> f.contains(".") ? f : Records.field(org, type, f))
            .toList();
    List<Map<String, Object>> rows =
        query.run(org.data().all(type), clock.instant()).stream()
            .map(record -> ParentFields.view(org, call, type, record, columns))
            .toList();
    return page(call, rows, newLocator(), 0, batchSize(queryOptions));
  }

  /** A query of Custom Metadata records, which SOQL reads like any sObject. */
  private Reply customMetadata(Call call, SoqlQuery query, String queryOptions) {
    CustomMetadata.Type type =
        org.customMetadata()
            .type(query.object())
            .orElseThrow(
                () ->
                    new RestError(
                        400,
                        "INVALID_TYPE",
                        "sObject type '" + query.object() + "' is not supported."));
    query.namedFields().forEach(field -> metadataField(type, field));
    List<String> columns = query.fields().stream().map(f -> metadataField(type, f)).toList();
    List<Map<String, Object>> rows =
        query.run(type.records(), clock.instant()).stream()
            .map(record -> Records.view(call, type.apiName(), record, columns))
            .toList();
    return page(call, rows, newLocator(), 0, batchSize(queryOptions));
  }

  private static String metadataField(CustomMetadata.Type type, String name) {
    return type.fields().stream()
        .filter(field -> field.equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> Records.invalidField(type.apiName(), name));
  }

  Reply more(Call call, String cursor) {
    int dash = cursor.lastIndexOf('-');
    dropIdleCursors();
    Cursor open = dash < 0 ? null : cursors.get(cursor.substring(0, dash));
    int offset = -1;
    try {
      offset = Integer.parseInt(cursor.substring(dash + 1));
    } catch (NumberFormatException notAnOffset) {
      open = null;
    }
    if (open == null || offset < 0 || offset >= open.rows().size()) {
      throw new RestError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    cursors.put(cursor.substring(0, dash), open.used(clock.instant()));
    return page(call, open.rows(), cursor.substring(0, dash), offset, open.pageSize());
  }

  /** How many query cursors are open, for tests of their clean-up. */
  int openCursors() {
    return cursors.size();
  }

  private void dropIdleCursors() {
    Instant oldest = clock.instant().minus(CURSOR_IDLE_LIMIT);
    cursors.values().removeIf(open -> open.lastUsed().isBefore(oldest));
  }

  /** Opens a cursor; the user's least recently used cursors close beyond the limit. */
  private synchronized void open(String locator, Cursor cursor) {
    dropIdleCursors();
    cursors.putIfAbsent(locator, cursor);
    List<Map.Entry<String, Cursor>> mine =
        cursors.entrySet().stream()
            .filter(entry -> entry.getValue().userId().equals(cursor.userId()))
            .sorted(Comparator.comparing(entry -> entry.getValue().lastUsed()))
            .toList();
    for (int i = 0; i < mine.size() - CURSORS_PER_USER; i++) {
      cursors.remove(mine.get(i).getKey());
    }
  }

  private Reply page(
      Call call, List<Map<String, Object>> rows, String locator, int offset, int batchSize) {
    int end = Math.min(rows.size(), offset + batchSize);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("totalSize", rows.size());
    body.put("done", end == rows.size());
    if (end < rows.size()) {
      if (!cursors.containsKey(locator)) {
        open(locator, new Cursor(rows, batchSize, call.session().userId(), clock.instant()));
      }
      body.put(
          "nextRecordsUrl", "/services/data/v" + call.version() + "/query/" + locator + "-" + end);
    } else {
      cursors.remove(locator);
    }
    body.put("records", rows.subList(offset, end));
    return Reply.ok(body);
  }

  /** A query's fixed results and the page size its first page used. */
  private record Cursor(
      List<Map<String, Object>> rows, int pageSize, String userId, Instant lastUsed) {
    Cursor used(Instant now) {
      return new Cursor(rows, pageSize, userId, now);
    }
  }

  /** {@code Sforce-Query-Options: batchSize=N} asks for 200 to 2,000 records a page. */
  private int batchSize(String queryOptions) {
    if (queryOptions != null) {
      for (String option : queryOptions.split("[;,]")) {
        String trimmed = option.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("batchsize=")) {
          try {
            return Math.max(200, Math.min(2000, Integer.parseInt(trimmed.substring(10).trim())));
          } catch (NumberFormatException ignored) {
            return defaultBatchSize;
          }
        }
      }
    }
    return defaultBatchSize;
  }

  private String newLocator() {
    String fifteen = "01gEm" + String.format(Locale.ROOT, "%010d", locators.incrementAndGet());
    return new SalesforceId(fifteen).value();
  }
}

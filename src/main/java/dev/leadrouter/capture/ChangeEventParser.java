package dev.leadrouter.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the data of a Change Data Capture message ({@code {schema, payload, event: {replayId}}})
 * into a {@link ChangeEvent}. Never throws: whatever is wrong becomes a {@link MalformedEvent}.
 * Unknown fields and any key order are tolerated, as Salesforce guarantees neither.
 */
public final class ChangeEventParser {

  private static final String HEADER = "ChangeEventHeader";
  private static final String ADDRESS = "Address";

  private final ObjectMapper json = new ObjectMapper();

  /** Parses the data of a message as {@code Message.getDataAsMap()} gives it. */
  public ParseResult parse(String channel, Map<String, Object> data) {
    try {
      return parseOrThrow(channel, data);
    } catch (BadEvent | RuntimeException bad) {
      return new MalformedEvent(channel, reasonOf(bad), write(data));
    }
  }

  /** Parses the data of a message given as JSON text. */
  public ParseResult parseJson(String channel, String data) {
    try {
      return parse(channel, json.readValue(data, new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException | RuntimeException notJson) {
      return new MalformedEvent(
          channel, "data is not a JSON object: " + notJson.getMessage(), data);
    }
  }

  /** Parses a whole CometD message given as JSON text: {@code {"channel": ..., "data": {...}}}. */
  public ParseResult parseMessageJson(String message) {
    try {
      Map<String, Object> whole = json.readValue(message, new TypeReference<>() {});
      String channel = whole.get("channel") instanceof String text ? text : "";
      if (!(whole.get("data") instanceof Map<?, ?>)) {
        return new MalformedEvent(channel, "message has no data object", message);
      }
      return parse(channel, asMap(whole.get("data"), "data"));
    } catch (JsonProcessingException | BadEvent | RuntimeException bad) {
      return new MalformedEvent("", reasonOf(bad), message);
    }
  }

  private ChangeEvent parseOrThrow(String channel, Map<String, Object> data) throws BadEvent {
    if (data == null) {
      throw new BadEvent("no data");
    }
    Map<String, Object> event = asMap(data.get("event"), "event");
    long replayId = asLong(event.get("replayId"), "event.replayId");
    Map<String, Object> payload = asMap(data.get("payload"), "payload");
    ChangeEventHeader header = header(asMap(payload.get(HEADER), "payload." + HEADER));
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : payload.entrySet()) {
      if (!HEADER.equals(entry.getKey())) {
        flatten(entry.getKey(), entry.getValue(), fields);
      }
    }
    String schema = data.get("schema") instanceof String text ? text : "";
    return new ChangeEvent(channel, replayId, schema, header, fields);
  }

  private static ChangeEventHeader header(Map<String, Object> header) throws BadEvent {
    String entityName = asText(header.get("entityName"), "entityName");
    if (entityName == null || entityName.isEmpty()) {
      throw new BadEvent("header.entityName is missing");
    }
    if (header.get("changeType") == null) {
      throw new BadEvent("header.changeType is missing");
    }
    String origin = asText(header.get("changeOrigin"), "changeOrigin");
    Object sequence = header.get("sequenceNumber");
    Object commitNumber = header.get("commitNumber");
    return new ChangeEventHeader(
        entityName,
        asTextList(header.get("recordIds"), "recordIds"),
        ChangeType.parse(asText(header.get("changeType"), "changeType")),
        ChangeOrigin.parse(origin),
        nullToEmpty(asText(header.get("transactionKey"), "transactionKey")),
        sequence == null ? 0 : Math.toIntExact(asLong(sequence, "header.sequenceNumber")),
        Instant.ofEpochMilli(asLong(header.get("commitTimestamp"), "header.commitTimestamp")),
        commitNumber == null ? 0 : asLong(commitNumber, "header.commitNumber"),
        nullToEmpty(asText(header.get("commitUser"), "commitUser")),
        asTextList(header.get("changedFields"), "changedFields"));
  }

  /**
   * Compound fields arrive nested. Name components are already field names ({@code FirstName});
   * address components are prefixed the way the object's own fields are ({@code
   * BillingAddress.Street} is {@code BillingStreet}, a Lead's {@code Address.Street} is {@code
   * Street}).
   */
  private static void flatten(String name, Object value, Map<String, String> into) throws BadEvent {
    if (value instanceof Map<?, ?> compound) {
      String prefix =
          name.endsWith(ADDRESS) ? name.substring(0, name.length() - ADDRESS.length()) : "";
      for (Map.Entry<?, ?> component : compound.entrySet()) {
        flatten(prefix + component.getKey(), component.getValue(), into);
      }
    } else if (value instanceof List<?>) {
      throw new BadEvent("field " + name + " is a list, not a value");
    } else {
      into.put(name, scalar(value));
    }
  }

  private static String scalar(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      // Avoid "1.0E7" for large amounts.
      return BigDecimal.valueOf(((Number) value).doubleValue())
          .stripTrailingZeros()
          .toPlainString();
    }
    return value.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value, String what) throws BadEvent {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new BadEvent(what + " is missing or not an object");
  }

  private static long asLong(Object value, String what) throws BadEvent {
    if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException notANumber) {
        throw new BadEvent(what + " is not a whole number: " + text);
      }
    }
    throw new BadEvent(what + " is missing or not a whole number");
  }

  private static String asText(Object value, String what) throws BadEvent {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new BadEvent("header." + what + " is not text");
  }

  private static List<String> asTextList(Object value, String what) throws BadEvent {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new BadEvent("header." + what + " is not a list");
    }
    List<String> texts = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String text)) {
        throw new BadEvent("header." + what + " holds a non-text item");
      }
      texts.add(text);
    }
    return texts;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String reasonOf(Exception bad) {
    return bad instanceof BadEvent
        ? bad.getMessage()
        : bad.getClass().getSimpleName() + ": " + bad.getMessage();
  }

  private String write(Object data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException | RuntimeException unwritable) {
      return String.valueOf(data);
    }
  }

  /** A checked signal inside the parser; never leaves it. */
  private static final class BadEvent extends Exception {
    BadEvent(String reason) {
      super(reason, null, false, false);
    }
  }
}

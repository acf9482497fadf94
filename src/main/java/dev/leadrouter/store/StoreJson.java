package dev.leadrouter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.leadrouter.lead.SalesforceId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON for the text columns: decision traces, inputs, rotation credits. Instants as ISO-8601 text
 * and map keys sorted, so the same value always gives the same text and the columns read well.
 */
final class StoreJson {

  private static final TypeReference<Map<String, Double>> CREDITS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException failed) {
      throw new StoreException("cannot write as JSON: " + value.getClass().getName(), failed);
    }
  }

  /** Credits keyed by user id text; converted here rather than by a Jackson key deserializer. */
  String writeCredits(Map<SalesforceId, Double> credits) {
    Map<String, Double> byId = new TreeMap<>();
    credits.forEach((user, credit) -> byId.put(user.value(), credit));
    return write(byId);
  }

  Map<SalesforceId, Double> readCredits(String json) {
    Map<SalesforceId, Double> credits = new LinkedHashMap<>();
    read(json, CREDITS).forEach((user, credit) -> credits.put(new SalesforceId(user), credit));
    return credits;
  }

  Map<String, String> readStrings(String json) {
    return read(json, STRINGS);
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException failed) {
      throw new StoreException(
          "stored JSON cannot be read: " + failed.getOriginalMessage(), failed);
    }
  }
}

package dev.leadrouter.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapper for Salesforce payloads. Dates and instants are written as ISO-8601 text ({@code
 * 2026-11-01}, {@code 2026-11-01T09:30:00Z}), which Salesforce accepts for Date and DateTime
 * fields; epoch numbers would be rejected.
 */
final class SalesforceJson {

  private SalesforceJson() {}

  static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }
}

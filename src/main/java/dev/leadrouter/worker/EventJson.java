package dev.leadrouter.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventHeader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed change event written back in the shape Salesforce delivers it ({@code {schema, payload,
 * event}}), so a dead-lettered event is replayed through the same parser as a fresh one.
 */
final class EventJson {

  private final ObjectMapper json = new ObjectMapper();

  String write(ChangeEvent event) {
    ChangeEventHeader header = event.header();
    Map<String, Object> headerFields = new LinkedHashMap<>();
    headerFields.put("entityName", header.entityName());
    headerFields.put("recordIds", header.recordIds());
    headerFields.put("changeType", header.changeType().name());
    headerFields.put("changeOrigin", header.changeOrigin().raw());
    headerFields.put("transactionKey", header.transactionKey());
    headerFields.put("sequenceNumber", header.sequenceNumber());
    headerFields.put("commitTimestamp", header.commitTimestamp().toEpochMilli());
    headerFields.put("commitNumber", header.commitNumber());
    headerFields.put("commitUser", header.commitUser());
    headerFields.put("changedFields", header.changedFields());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ChangeEventHeader", headerFields);
    payload.putAll(event.fields());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("schema", event.schema());
    data.put("payload", payload);
    data.put("event", Map.of("replayId", event.replayId()));
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException cannot) {
      throw new IllegalStateException("a change event cannot be written as JSON", cannot);
    }
  }
}

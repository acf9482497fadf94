package dev.leadrouter.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change event, typed.
 *
 * @param replayId opaque and increasing within a channel, not contiguous
 * @param schema the id of the event schema the payload follows
 * @param fields body fields flattened to text, compound fields by component ({@code FirstName},
 *     {@code Street}, ...); an entry whose value is {@code null} means the field was set to null
 */
public record ChangeEvent(
    String channel,
    long replayId,
    String schema,
    ChangeEventHeader header,
    Map<String, String> fields)
    implements ParseResult {

  public ChangeEvent {
    // Map.copyOf refuses null values, and a null value carries meaning here.
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** True when the field is in the body, even if set to null. */
  public boolean has(String field) {
    return fields.containsKey(field);
  }
}

package dev.leadrouter.cli;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Lead update from the org's change log, as the demo and the chaos bench audit it: whose edit it
 * was ({@code changeOrigin}), which leads, and the fields it changed.
 */
record LeadUpdate(Map<?, ?> payload, Map<?, ?> header) {

  /** The update in a change event, or empty for other channels and other kinds of change. */
  static Optional<LeadUpdate> of(String channel, Map<String, Object> data) {
    if (!"/data/LeadChangeEvent".equals(channel)
        || !(data.get("payload") instanceof Map<?, ?> payload)
        || !(payload.get("ChangeEventHeader") instanceof Map<?, ?> header)
        || !"UPDATE".equals(header.get("changeType"))) {
      return Optional.empty();
    }
    return Optional.of(new LeadUpdate(payload, header));
  }

  /** Whether our worker made it: its call options name {@code callOptionsClient}. */
  boolean madeBy(String callOptionsClient) {
    return Objects.toString(header.get("changeOrigin"), "").contains("client=" + callOptionsClient);
  }

  List<String> leadIds() {
    return ((Collection<?>) header.get("recordIds")).stream().map(Object::toString).toList();
  }

  Instant committedAt() {
    return Instant.ofEpochMilli(((Number) header.get("commitTimestamp")).longValue());
  }

  /** The new value of a changed field, or null when the update did not change it. */
  Object field(String name) {
    return payload.get(name);
  }
}

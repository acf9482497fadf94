package dev.leadrouter.capture;

import dev.leadrouter.config.SecureTransport;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What the change-event subscriber connects to and how.
 *
 * @param cometdUri the org's endpoint, e.g. {@code https://my.my.salesforce.com/cometd/62.0}
 * @param channels e.g. {@code /data/LeadChangeEvent}; case-sensitive
 * @param initialReplay where a channel without a checkpoint starts
 * @param clientId our {@code Sforce-Call-Options} client id; events whose origin names it are our
 *     own writes coming back and are acknowledged without processing
 * @param queueCapacity events received but not yet taken; when full the streaming thread waits
 */
public record SubscriberSettings(
    URI cometdUri,
    List<String> channels,
    InitialReplay initialReplay,
    String clientId,
    int queueCapacity) {

  public SubscriberSettings {
    Objects.requireNonNull(cometdUri, "cometdUri");
    if (!SecureTransport.allows(cometdUri)) {
      throw new IllegalArgumentException(
          "the streaming endpoint " + SecureTransport.PLAIN_HTTP_REFUSED + ": " + cometdUri);
    }
    Objects.requireNonNull(initialReplay, "initialReplay");
    Objects.requireNonNull(clientId, "clientId");
    channels = List.copyOf(channels);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("no channels to subscribe to");
    }
    for (String channel : channels) {
      if (!channel.startsWith("/") || channel.contains("*")) {
        throw new IllegalArgumentException("not a channel name: " + channel);
      }
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
    }
  }
}

package dev.leadrouter.emulator;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * A plain CometD client (not ours) subscribed to {@code /data/LeadChangeEvent} with a bearer token,
 * collecting what the emulator publishes.
 */
final class LeadEventListener implements AutoCloseable {

  private final List<Message> events = new CopyOnWriteArrayList<>();
  private final HttpClient jetty = new HttpClient();
  private final BayeuxClient cometd;

  private LeadEventListener(URI cometdUri, String token) {
    cometd =
        new BayeuxClient(
            cometdUri.toString(),
            new JettyHttpClientTransport(new HashMap<>(), jetty) {
              @Override
              protected void customize(Request request) {
                super.customize(request);
                request.headers(h -> h.put("Authorization", "Bearer " + token));
              }
            });
  }

  /** Handshakes and returns once the subscription is confirmed. */
  static LeadEventListener subscribe(URI cometdUri, String token) throws Exception {
    LeadEventListener listener = new LeadEventListener(cometdUri, token);
    listener.jetty.start();
    AtomicBoolean subscribed = new AtomicBoolean();
    listener.cometd.handshake(
        reply ->
            listener
                .cometd
                .getChannel("/data/LeadChangeEvent")
                .subscribe(
                    (channel, message) -> listener.events.add(message),
                    ack -> subscribed.set(ack.isSuccessful())));
    await().atMost(Duration.ofSeconds(10)).untilTrue(subscribed);
    return listener;
  }

  List<Message> events() {
    return events;
  }

  /** The change event header of a delivered message. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> header(Message event) {
    Map<String, Object> payload = (Map<String, Object>) event.getDataAsMap().get("payload");
    return (Map<String, Object>) payload.get("ChangeEventHeader");
  }

  @Override
  public void close() throws Exception {
    cometd.disconnect(1000);
    jetty.stop();
  }
}

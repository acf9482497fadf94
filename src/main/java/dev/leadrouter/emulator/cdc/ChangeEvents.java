package dev.leadrouter.emulator.cdc;

import dev.leadrouter.emulator.org.RecordChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the change events of the org's own writes on {@code /data/<Type>ChangeEvent} and {@code
 * /data/ChangeEvents}, shaped as
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_message_structure.htm
 * shows.
 */
public final class ChangeEvents {

  /** Where events go: the streaming server, which assigns replay ids. */
  @FunctionalInterface
  public interface Publisher {
    long publish(String channel, Map<String, Object> data);
  }

  private final Publisher publisher;
  private final Clock clock;
  private final String apiVersion;
  // An org's system change number: increasing, opaque to clients.
  private final AtomicLong commitNumber = new AtomicLong(1_100_638_524_000L);

  public ChangeEvents(Publisher publisher, Clock clock, String apiVersion) {
    this.publisher = publisher;
    this.clock = clock;
    this.apiVersion = apiVersion;
  }

  /**
   * Starts a transaction of the REST API: its events share a transaction key and number their
   * sequence from 1.
   *
   * @param client the {@code client} of the caller's Sforce-Call-Options, if any
   */
  public Transaction restTransaction(String userId, Optional<String> client) {
    String origin =
        "com/salesforce/api/rest/" + apiVersion + client.map(c -> ";client=" + c).orElse("");
    return new Transaction(userId, origin, UUID.randomUUID().toString());
  }

  /**
   * Starts a transaction of a user's edit in the org's UI. Its change origin is empty: Salesforce
   * fills it only for changes made through an API
   * (https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm).
   */
  public Transaction uiTransaction(String userId) {
    return new Transaction(userId, "", UUID.randomUUID().toString());
  }

  /**
   * Starts a transaction of a Bulk API 1.0 batch. Its origin names the Bulk API and the version the
   * job was created with, as an org's events do.
   */
  public Transaction bulkTransaction(String userId, String version, Optional<String> client) {
    String origin =
        "com/salesforce/api/bulkapi/" + version + client.map(c -> ";client=" + c).orElse("");
    return new Transaction(userId, origin, UUID.randomUUID().toString());
  }

  /** One transaction's events. Not thread-safe: one request writes it. */
  public final class Transaction {
    private final String userId;
    private final String origin;
    private final String key;
    private int sequence;

    private Transaction(String userId, String origin, String key) {
      this.userId = userId;
      this.origin = origin;
      this.key = key;
    }

    public void created(RecordChange change) {
      publish(change, "CREATE", EventBody.created(change.type(), change.record()));
    }

    public void updated(RecordChange change) {
      publish(change, "UPDATE", EventBody.updated(change.type(), change.changed()));
    }

    public void deleted(RecordChange change) {
      publish(change, "DELETE", EventBody.created(change.type(), Map.of()));
    }

    private void publish(RecordChange change, String changeType, EventBody body) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("entityName", change.type().apiName());
      header.put("recordIds", List.of(change.id()));
      header.put("changeType", changeType);
      header.put("changedFields", body.changedFields());
      header.put("changeOrigin", origin);
      header.put("transactionKey", key);
      header.put("sequenceNumber", ++sequence);
      header.put("commitTimestamp", clock.millis());
      header.put("commitNumber", commitNumber.incrementAndGet());
      header.put("commitUser", userId);
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("ChangeEventHeader", header);
      payload.putAll(body.fields());
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("schema", schemaId(change.type().apiName()));
      data.put("payload", payload);
      publisher.publish("/data/" + change.type().apiName() + "ChangeEvent", data);
      publisher.publish("/data/ChangeEvents", data);
    }
  }

  /** A stable stand-in for the schema hash an org sends, one per entity. */
  private static String schemaId(String entity) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(entity.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

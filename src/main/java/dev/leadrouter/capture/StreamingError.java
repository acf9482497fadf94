package dev.leadrouter.capture;

import java.util.Map;
import org.cometd.bayeux.Message;

/**
 * A Bayeux error as Salesforce sends it, {@code "<code>::<text>"}, read once so that callers ask
 * what it means instead of matching strings. For a refused handshake Salesforce puts the real
 * reason in {@code ext.sfdc.failureReason}; that one wins.
 */
record StreamingError(int code, String text) {

  static StreamingError of(Message reply) {
    Map<String, Object> ext = reply.getExt();
    if (ext != null
        && ext.get("sfdc") instanceof Map<?, ?> sfdc
        && sfdc.get("failureReason") instanceof String reason) {
      return parse(reason);
    }
    Object error = reply.get(Message.ERROR_FIELD);
    if (error instanceof String text) {
      return parse(text);
    }
    Object failure = reply.get("failure");
    return new StreamingError(0, failure == null ? "no error given" : failure.toString());
  }

  static StreamingError parse(String error) {
    int separator = error.indexOf("::");
    if (separator > 0) {
      try {
        return new StreamingError(
            Integer.parseInt(error.substring(0, separator).trim()), error.substring(separator + 2));
      } catch (NumberFormatException notACode) {
        // Not Salesforce's shape; keep the whole text.
      }
    }
    return new StreamingError(0, error);
  }

  boolean isAuthenticationInvalid() {
    return code == 401;
  }

  /** The replay id is unknown or older than retention; resubscribing from it never works. */
  boolean isInvalidReplayId() {
    return code == 400 && text.contains("replayId {") && text.contains("was invalid");
  }

  @Override
  public String toString() {
    return code + "::" + text;
  }
}

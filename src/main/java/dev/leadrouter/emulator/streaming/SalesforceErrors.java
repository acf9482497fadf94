package dev.leadrouter.emulator.streaming;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Makes meta replies read as an org's do. CometD answers a message an extension refused with {@code
 * 404::message_deleted}, a refused handshake with {@code 403::handshake_denied} and an unknown
 * session with {@code 402::session_unknown}; Salesforce sends other strings and advice, and clients
 * (ours included) match on them. Also announces replay support in the handshake reply.
 */
final class SalesforceErrors implements BayeuxServer.Extension {

  /** Set on a reply by {@link #reject}; replaces CometD's error when the reply goes out. */
  private static final String REJECTION = "leadrouter.rejection";

  static final String HANDSHAKE_DENIED = "403::Handshake denied";
  static final String AUTHENTICATION_INVALID = "401::Authentication invalid";
  static final String AUTHENTICATION_REQUIRED = "401::Request requires authentication";
  static final String UNKNOWN_CLIENT = "403::Unknown client";

  static String invalidReplayId(long replayId) {
    return "400::The replayId {"
        + replayId
        + "} you provided was invalid. Please provide a valid ID, -2 to replay all events, or -1"
        + " to replay only new events.";
  }

  static String replayChannelNotFound(String channel, Map<?, ?> replayMap) {
    return "400::The replayId for channel {"
        + channel
        + "} wasn't found using the provided replay ID map {"
        + replayMap
        + "}. Ensure that the channel name you provided in the replay map is valid and matches the"
        + " channel name used for subscribing.";
  }

  /** Marks the reply to an incoming message, which the caller then refuses by returning false. */
  static void reject(ServerMessage message, String error) {
    ServerMessage.Mutable reply = message.getAssociated();
    if (reply != null) {
      reply.put(REJECTION, error);
    }
  }

  @Override
  public boolean sendMeta(ServerSession to, ServerMessage.Mutable reply) {
    Object rejection = reply.remove(REJECTION);
    if (rejection instanceof String error) {
      reply.setSuccessful(false);
      reply.put(Message.ERROR_FIELD, error);
      if (error.startsWith("401::")) {
        reply.put(Message.ADVICE_FIELD, Map.of(Message.RECONNECT_FIELD, "none", "interval", 0));
      }
      return true;
    }
    String channel = reply.getChannel();
    if (Channel.META_HANDSHAKE.equals(channel)) {
      if (reply.isSuccessful()) {
        Map<String, Object> ext = reply.getExt(true);
        ext.put("replay", true);
        ext.put("payload.format", true);
      } else {
        reply.put(Message.ERROR_FIELD, HANDSHAKE_DENIED);
        Map<String, Object> sfdc = new LinkedHashMap<>();
        sfdc.put("failureReason", AUTHENTICATION_INVALID);
        reply.getExt(true).put("sfdc", sfdc);
        reply.put(Message.ADVICE_FIELD, Map.of(Message.RECONNECT_FIELD, "none"));
      }
    } else if (!reply.isSuccessful()
        && String.valueOf(reply.get(Message.ERROR_FIELD)).startsWith("402::")) {
      reply.put(Message.ERROR_FIELD, UNKNOWN_CLIENT);
      reply.put(Message.ADVICE_FIELD, Map.of(Message.RECONNECT_FIELD, "handshake", "interval", 0));
    }
    return true;
  }
}

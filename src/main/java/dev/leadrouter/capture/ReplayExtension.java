package dev.leadrouter.capture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;

/**
 * Salesforce's replay extension for the CometD client: asks for replay in the handshake ({@code
 * ext.replay = true}) and names, on every subscribe, where the channel resumes ({@code ext.replay =
 * {channel: replayId}}). The position is the last event received, not the last acknowledged: after
 * a re-handshake within one run, the events still in the pipeline must not come twice. A restart
 * begins from the durable checkpoint instead.
 */
final class ReplayExtension implements ClientSession.Extension {

  private static final String REPLAY = "replay";

  private final Map<String, Long> positions = new ConcurrentHashMap<>();
  private volatile boolean serverSupportsReplay;

  /** Sets where a channel resumes: a replay id, or -1 / -2. */
  void resumeFrom(String channel, long replayId) {
    positions.put(channel, replayId);
  }

  /** Records an event received, so a resubscribe continues after it. */
  void received(String channel, long replayId) {
    positions.put(channel, replayId);
  }

  long position(String channel) {
    return positions.getOrDefault(channel, InitialReplay.NEW_ONLY.replayId());
  }

  boolean serverSupportsReplay() {
    return serverSupportsReplay;
  }

  @Override
  public boolean sendMeta(ClientSession session, Message.Mutable message) {
    if (Channel.META_HANDSHAKE.equals(message.getChannel())) {
      message.getExt(true).put(REPLAY, true);
    } else if (Channel.META_SUBSCRIBE.equals(message.getChannel())
        && message.get(Message.SUBSCRIPTION_FIELD) instanceof String channel) {
      // The key must be the subscription exactly, or Salesforce answers "wasn't found".
      message.getExt(true).put(REPLAY, Map.of(channel, position(channel)));
    }
    return true;
  }

  @Override
  public boolean rcvMeta(ClientSession session, Message.Mutable message) {
    if (Channel.META_HANDSHAKE.equals(message.getChannel()) && message.isSuccessful()) {
      Map<String, Object> ext = message.getExt();
      serverSupportsReplay = ext != null && Boolean.TRUE.equals(ext.get(REPLAY));
    }
    return true;
  }
}

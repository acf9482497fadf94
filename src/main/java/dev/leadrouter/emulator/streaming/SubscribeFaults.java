package dev.leadrouter.emulator.streaming;

import java.util.concurrent.atomic.AtomicInteger;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Fails the next subscribes with a given error, as an overloaded org does ({@code 503::...}), so
 * clients' retry paths can be exercised.
 */
final class SubscribeFaults implements BayeuxServer.Extension {

  private final AtomicInteger remaining = new AtomicInteger();
  private volatile String error = "";

  void failNext(int count, String error) {
    this.error = error;
    remaining.set(count);
  }

  @Override
  public boolean rcvMeta(ServerSession session, ServerMessage.Mutable message) {
    if (Channel.META_SUBSCRIBE.equals(message.getChannel())
        && remaining.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      SalesforceErrors.reject(message, error);
      return false;
    }
    return true;
  }
}

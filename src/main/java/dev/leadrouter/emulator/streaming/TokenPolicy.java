package dev.leadrouter.emulator.streaming;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.SecurityPolicy;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Checks the access token on every request, as an org does: a handshake without a known token is
 * denied, and a token revoked while connected fails the next request with {@code
 * 401::Authentication invalid}. Accepts {@code OAuth <t>}, {@code Bearer <t>} and the bare token,
 * the three forms real clients send. Only the emulator itself may publish.
 */
final class TokenPolicy implements SecurityPolicy, BayeuxServer.Extension {

  private final Set<String> tokens = ConcurrentHashMap.newKeySet();

  void accept(String token) {
    tokens.add(token);
  }

  void revoke(String token) {
    tokens.remove(token);
  }

  @Override
  public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
    return session.isLocalSession() || hasKnownToken(message);
  }

  @Override
  public boolean canCreate(
      BayeuxServer server, ServerSession session, String channelId, ServerMessage message) {
    return true;
  }

  @Override
  public boolean canSubscribe(
      BayeuxServer server, ServerSession session, ServerChannel channel, ServerMessage message) {
    return true;
  }

  @Override
  public boolean canPublish(
      BayeuxServer server, ServerSession session, ServerChannel channel, ServerMessage message) {
    return session != null && session.isLocalSession();
  }

  @Override
  public boolean rcvMeta(ServerSession session, ServerMessage.Mutable message) {
    if (Channel.META_HANDSHAKE.equals(message.getChannel())
        || session == null
        || session.isLocalSession()
        || hasKnownToken(message)) {
      return true;
    }
    SalesforceErrors.reject(
        message,
        authorization(message) == null
            ? SalesforceErrors.AUTHENTICATION_REQUIRED
            : SalesforceErrors.AUTHENTICATION_INVALID);
    return false;
  }

  private boolean hasKnownToken(ServerMessage message) {
    String header = authorization(message);
    return header != null && tokens.contains(tokenOf(header.trim()));
  }

  private static String authorization(ServerMessage message) {
    BayeuxContext context = message.getBayeuxContext();
    return context == null ? null : context.getHeader("Authorization");
  }

  static String tokenOf(String header) {
    for (String scheme : new String[] {"OAuth ", "Bearer "}) {
      if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return header.substring(scheme.length()).trim();
      }
    }
    return header;
  }
}

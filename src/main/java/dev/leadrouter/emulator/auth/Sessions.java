package dev.leadrouter.emulator.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The org's live sessions. Tokens look like an org's ({@code <orgId>!<opaque>}) and are told to the
 * streaming server as they are issued or revoked, so one token works for REST and CometD alike. A
 * session whose issue time the expiry test rejects is revoked when next used or swept.
 */
public final class Sessions {

  private final Map<String, Session> byToken = new ConcurrentHashMap<>();
  private final Map<String, Instant> issuedAt = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final String orgId;
  private final Consumer<String> onIssue;
  private final Consumer<String> onRevoke;
  private final Clock clock;
  private final Predicate<Instant> expired;
  private final Runnable onExpiry;

  /**
   * @param onIssue told every new token (the streaming server accepts it)
   * @param onRevoke told every revoked token
   * @param expired whether a session issued at that instant has expired (fault injection)
   * @param onExpiry told each time a session is ended because it expired
   */
  public Sessions(
      String orgId,
      Consumer<String> onIssue,
      Consumer<String> onRevoke,
      Clock clock,
      Predicate<Instant> expired,
      Runnable onExpiry) {
    this.orgId = orgId;
    this.onIssue = onIssue;
    this.onRevoke = onRevoke;
    this.clock = clock;
    this.expired = expired;
    this.onExpiry = onExpiry;
  }

  public String orgId() {
    return orgId;
  }

  public Session open(String userId, String clientId) {
    byte[] secret = new byte[48];
    random.nextBytes(secret);
    String token =
        orgId.substring(0, 15)
            + "!AQ"
            + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Session session = new Session(token, userId, clientId);
    issuedAt.put(token, clock.instant());
    byToken.put(token, session);
    onIssue.accept(token);
    return session;
  }

  /** The session of an {@code Authorization} header: {@code Bearer <t>}, {@code OAuth <t>}. */
  public Optional<Session> authorize(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    for (String scheme : new String[] {"Bearer ", "OAuth "}) {
      if (trimmed.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return live(trimmed.substring(scheme.length()).trim());
      }
    }
    return Optional.empty();
  }

  /** The session of a bare token, as Bulk API 1.0's {@code X-SFDC-Session} header carries it. */
  public Optional<Session> session(String token) {
    return token == null ? Optional.empty() : live(token.trim());
  }

  /** Revokes every expired session, so streaming clients learn of it without a REST call. */
  public void expire() {
    issuedAt.forEach(
        (token, issued) -> {
          if (expired.test(issued)) {
            expire(token);
          }
        });
  }

  private Optional<Session> live(String token) {
    Instant issued = issuedAt.get(token);
    if (issued != null && expired.test(issued)) {
      expire(token);
      return Optional.empty();
    }
    return Optional.ofNullable(byToken.get(token));
  }

  private void expire(String token) {
    issuedAt.remove(token);
    if (byToken.remove(token) != null) {
      onRevoke.accept(token);
      onExpiry.run();
    }
  }

  /** The tokens of the sessions still open. */
  public Set<String> tokens() {
    return Set.copyOf(byToken.keySet());
  }

  /** Ends a session, as a logout or timeout does: REST answers 401, streaming 401::. */
  public void revoke(String token) {
    issuedAt.remove(token);
    if (byToken.remove(token) != null) {
      onRevoke.accept(token);
    }
  }
}

package dev.leadrouter.admin;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Browser sessions of the ops console, held in memory: the cookie carries a random session id,
 * never the admin token, so a cookie that leaks grants a session that ends, not the token. Sessions
 * end after a while without use and when the worker restarts.
 */
final class ConsoleSessions {

  static final Duration IDLE = Duration.ofHours(8);

  private static final int ID_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  // Session id -> when it was last used, on the monotonic clock (elapsed time only).
  private final Map<String, Long> lastUsed = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  ConsoleSessions() {
    this(System::nanoTime);
  }

  ConsoleSessions(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Starts a session; returns its id, for the cookie only. */
  String start() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    lastUsed.put(id, nanoTime.getAsLong());
    return id;
  }

  /** Whether the id names a live session; using it keeps it alive. */
  boolean admits(Optional<String> id) {
    if (id.isEmpty()) {
      return false;
    }
    long now = nanoTime.getAsLong();
    Long last = lastUsed.get(id.get());
    if (last == null) {
      return false;
    }
    if (now - last > IDLE.toNanos()) {
      lastUsed.remove(id.get());
      return false;
    }
    lastUsed.put(id.get(), now);
    return true;
  }

  void end(Optional<String> id) {
    id.ifPresent(lastUsed::remove);
  }
}

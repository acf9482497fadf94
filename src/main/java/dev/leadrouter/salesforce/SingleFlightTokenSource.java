package dev.leadrouter.salesforce;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one token for all callers and signs in only when needed: once at first use, and once per
 * rejected token however many threads report it. A caller whose stale token was already replaced
 * gets the replacement without another sign-in, so a burst of 401s costs one login.
 */
public final class SingleFlightTokenSource implements AccessTokenSource {

  private final AccessTokenSource signIn;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile AccessToken current;

  /** Wraps a source that signs in on every call, such as a JWT or client credentials flow. */
  public SingleFlightTokenSource(AccessTokenSource signIn) {
    this.signIn = Objects.requireNonNull(signIn, "signIn");
  }

  @Override
  public AccessToken token() {
    AccessToken token = current;
    if (token != null) {
      return token;
    }
    lock.lock();
    try {
      if (current == null) {
        current = signIn.token();
      }
      return current;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public AccessToken refresh(AccessToken stale) {
    lock.lock();
    try {
      // Waiting callers find the token the first one fetched and share it.
      if (current != null && !current.equals(stale)) {
        return current;
      }
      current = signIn.refresh(stale);
      return current;
    } finally {
      lock.unlock();
    }
  }
}

package dev.leadrouter.worker;

import dev.leadrouter.capture.AccessTokenSource;
import dev.leadrouter.salesforce.AccessToken;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The streaming client's tokens, from the same sign-in as REST: one session for both, renewed in
 * one place when either is refused.
 */
final class StreamingTokens implements AccessTokenSource {

  private final dev.leadrouter.salesforce.AccessTokenSource signIn;
  private final AtomicReference<AccessToken> last = new AtomicReference<>();

  StreamingTokens(dev.leadrouter.salesforce.AccessTokenSource signIn) {
    this.signIn = signIn;
  }

  @Override
  public String token() {
    AccessToken token = signIn.token();
    last.set(token);
    return token.value();
  }

  @Override
  public void refresh(String stale) {
    AccessToken known = last.get();
    if (known != null && known.value().equals(stale)) {
      last.set(signIn.refresh(known));
    } else {
      last.set(signIn.token());
    }
  }
}

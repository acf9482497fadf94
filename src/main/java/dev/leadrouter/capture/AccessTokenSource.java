package dev.leadrouter.capture;

/**
 * Supplies the OAuth access token the streaming client sends, and logs in again when the server
 * refuses it. Implemented by the Salesforce client's auth layer, which owns refreshing.
 */
public interface AccessTokenSource {

  /** The token to send now; cheap, called on every request. */
  String token();

  /**
   * The server refused {@code stale}. The next {@link #token()} must return a fresh one; if the
   * token was already replaced (another caller refreshed it), nothing need happen.
   */
  void refresh(String stale);
}

package dev.leadrouter.salesforce;

/**
 * Where REST calls get their access token. Implementations sign in to Salesforce (JWT bearer,
 * client credentials) or wrap one that does; all are safe to call from several threads.
 */
public interface AccessTokenSource {

  /**
   * A token to use now; may sign in.
   *
   * @throws SalesforceException of kind {@link ErrorKind#AUTH} when sign-in is refused, or {@link
   *     ErrorKind#RETRYABLE} when the token endpoint could not be reached
   */
  AccessToken token();

  /**
   * A token to use instead of {@code stale}, which Salesforce just rejected. When another caller
   * already replaced {@code stale}, implementations may return that replacement without signing in.
   *
   * @throws SalesforceException as for {@link #token()}
   */
  AccessToken refresh(AccessToken stale);
}

package dev.leadrouter.salesforce;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth access token and the org it opens.
 *
 * @param value the bearer token; sent only in the Authorization header, never printed
 * @param instanceUrl the org's URL, base of every REST call made with this token
 * @param issuedAt when Salesforce issued it ({@code issued_at}), or when we received it
 */
public record AccessToken(String value, URI instanceUrl, Instant issuedAt) {

  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  /** Names the org and the time, never the token. */
  @Override
  public String toString() {
    return "AccessToken[value=****, instanceUrl=" + instanceUrl + ", issuedAt=" + issuedAt + "]";
  }
}

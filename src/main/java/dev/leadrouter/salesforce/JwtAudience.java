package dev.leadrouter.salesforce;

import java.net.URI;
import java.util.Locale;

/**
 * The {@code aud} claim Salesforce expects in a JWT bearer assertion. It names the authorization
 * server, which is not always the host the token is requested from: production orgs (My Domain
 * included) want {@code https://login.salesforce.com}, sandboxes {@code
 * https://test.salesforce.com}, and an Experience Cloud site its own URL with path.
 */
final class JwtAudience {

  static final String PRODUCTION = "https://login.salesforce.com";
  static final String SANDBOX = "https://test.salesforce.com";

  private JwtAudience() {}

  static String of(URI loginUrl) {
    String host = loginUrl.getHost() == null ? "" : loginUrl.getHost().toLowerCase(Locale.ROOT);
    String path = loginUrl.getPath() == null ? "" : loginUrl.getPath().replaceAll("/+$", "");
    if (host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com")) {
      return SANDBOX;
    }
    if (!path.isEmpty() && (host.endsWith(".force.com") || host.endsWith(".site.com"))) {
      return TokenEndpoint.withoutTrailingSlash(loginUrl);
    }
    return PRODUCTION;
  }
}

package dev.leadrouter.salesforce;

import dev.leadrouter.config.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OAuth 2.0 client credentials: the consumer key and secret are exchanged for a token of the
 * integration user the app names. Salesforce accepts this flow only on the org's My Domain host, so
 * the login URL must be that host. Each call signs in afresh; wrap in {@link
 * SingleFlightTokenSource} to reuse tokens.
 */
final class ClientCredentialsFlow implements AccessTokenSource {

  private final TokenEndpoint endpoint;
  private final URI loginUrl;
  private final String clientId;
  private final Secret clientSecret;

  ClientCredentialsFlow(TokenEndpoint endpoint, URI loginUrl, String clientId, Secret secret) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.loginUrl = Objects.requireNonNull(loginUrl, "loginUrl");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(secret, "clientSecret");
  }

  @Override
  public AccessToken token() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret.reveal());
    return endpoint.request(loginUrl, form, List.of(clientSecret.reveal()));
  }

  @Override
  public AccessToken refresh(AccessToken stale) {
    return token();
  }

  @Override
  public String toString() {
    return "ClientCredentialsFlow[" + loginUrl + ", clientId=" + clientId + "]";
  }
}

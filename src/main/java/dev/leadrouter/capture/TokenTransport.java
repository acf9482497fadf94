package dev.leadrouter.capture;

import java.util.HashMap;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;

/**
 * CometD long-polling that sends {@code Authorization: Bearer <token>} on every request, as
 * Salesforce checks the token on each one. The token is read per request, so a refresh takes effect
 * on the next poll.
 */
final class TokenTransport extends JettyHttpClientTransport {

  private final AccessTokenSource tokens;
  private volatile String lastSent = "";

  TokenTransport(HttpClient http, AccessTokenSource tokens) {
    // A mutable map: BayeuxClient writes its own options into it.
    super(new HashMap<>(), http);
    this.tokens = tokens;
  }

  /** The token most recently sent, so a refusal names the token that was refused. */
  String lastSent() {
    return lastSent;
  }

  @Override
  protected void customize(Request request) {
    super.customize(request);
    String token = tokens.token();
    lastSent = token;
    request.headers(headers -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + token));
  }
}

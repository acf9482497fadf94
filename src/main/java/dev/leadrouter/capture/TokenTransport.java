package dev.leadrouter.capture;

import java.util.HashMap;
import java.util.Map;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
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

  /**
   * One long-poll answer may carry every event that arrived while the poll was out: in a burst (an
   * import of thousands of leads) that is far beyond the client's 1 MB default, and an answer that
   * does not fit is dropped, forcing a new session every time.
   */
  static final int MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

  TokenTransport(HttpClient http, AccessTokenSource tokens) {
    // A mutable map: BayeuxClient writes its own options into it.
    super(options(), http);
    this.tokens = tokens;
  }

  private static Map<String, Object> options() {
    Map<String, Object> options = new HashMap<>();
    options.put(ClientTransport.MAX_MESSAGE_SIZE_OPTION, MAX_MESSAGE_SIZE);
    return options;
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

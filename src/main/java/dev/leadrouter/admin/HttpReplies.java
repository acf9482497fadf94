package dev.leadrouter.admin;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** How the admin endpoint and the ops console write a whole answer at once. */
final class HttpReplies {

  static final String JSON = "application/json; charset=utf-8";

  private HttpReplies() {}

  /** Writes the status and body and completes the exchange; true, as a handler returns. */
  static boolean send(
      Response response, Callback callback, int status, String contentType, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    Content.Sink.write(response, true, body, callback);
    return true;
  }

  /** A 401 asking for the admin token as a bearer token; {@code jsonBody} says how to send it. */
  static boolean unauthorized(Response response, Callback callback, String jsonBody) {
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"lead-router\"");
    return send(response, callback, HttpStatus.UNAUTHORIZED_401, JSON, jsonBody);
  }
}

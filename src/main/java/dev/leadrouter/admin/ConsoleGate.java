package dev.leadrouter.admin;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ops console's door, in front of the admin paths: serves {@code /console/...} and hands every
 * other path to the {@link AdminHandler}.
 *
 * <p>Browsers sign in with the admin token on a form; the answer sets an HttpOnly, SameSite=Strict
 * cookie holding a random session id, never the token, and the token never travels in a URL. API
 * clients may send the token as a bearer token instead. A POST with a session must also come from
 * the console's own origin ({@code Origin}, or {@code Sec-Fetch-Site: same-origin}), so another
 * site open in the same browser cannot replay a dead letter. With no token configured the server
 * only listens on loopback (see {@link AdminServer}), and the console is open as {@code /metrics}
 * is.
 */
final class ConsoleGate extends Handler.Wrapper {

  static final String COOKIE = "lead_router_console";

  private static final Logger log = LoggerFactory.getLogger(ConsoleGate.class);

  private static final String SIGN_IN = "/console/sign-in";
  private static final String SIGN_OUT = "/console/sign-out";
  private static final String STYLES = "/console/console.css";

  // Nothing but our own stylesheet and forms: no scripts, frames or other origins.
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final Map<String, ConsolePage> pages;
  private final BearerToken token;
  private final ConsoleSessions sessions;
  private final ConsoleTemplates templates;
  private final byte[] styles;

  ConsoleGate(Handler admin, Set<ConsolePage> pages, BearerToken token, ConsoleSessions sessions) {
    super(admin);
    this.pages = pages.stream().collect(Collectors.toUnmodifiableMap(ConsolePage::path, p -> p));
    this.token = token;
    this.sessions = sessions;
    this.templates = new ConsoleTemplates();
    this.styles = readStyles();
  }

  @Override
  public InvocationType getInvocationType() {
    // Pages query the store and forms are read whole: this handler may block.
    return InvocationType.BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (path.equals("/") || path.equals("/console")) {
      return redirect(response, callback, "/console/");
    }
    if (!path.startsWith("/console/") || pages.isEmpty()) {
      return super.handle(request, response, callback);
    }
    secureHeaders(response);
    boolean post = HttpMethod.POST.is(request.getMethod());
    if (!post
        && !HttpMethod.GET.is(request.getMethod())
        && !HttpMethod.HEAD.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
      return HttpReplies.send(
          response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain", "");
    }
    if (path.equals(STYLES)) {
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/css; charset=utf-8");
      response.write(true, java.nio.ByteBuffer.wrap(styles), callback);
      return true;
    }
    if (post && !sameOrigin(request) && !bearer(request)) {
      // The form is left unread, so the connection cannot carry another request: say so.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      return HttpReplies.send(
          response,
          callback,
          HttpStatus.FORBIDDEN_403,
          "text/plain; charset=utf-8",
          "refused: the form was not sent from the console's own page\n");
    }
    if (path.equals(SIGN_IN)) {
      return post ? signIn(request, response, callback) : signInForm(response, callback, 200, "");
    }
    Optional<ConsoleRequest.Access> access = access(request);
    if (access.isEmpty()) {
      return refuse(request, response, callback);
    }
    if (path.equals(SIGN_OUT) && post) {
      sessions.end(cookie(request));
      response
          .getHeaders()
          .add(
              HttpHeader.SET_COOKIE,
              COOKIE + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict");
      return redirect(response, callback, SIGN_IN);
    }
    ConsolePage page = pages.get(path);
    if (page == null) {
      return HttpReplies.send(
          response,
          callback,
          HttpStatus.NOT_FOUND_404,
          ConsoleReply.HTML,
          "<!DOCTYPE html><title>Not found</title><p>No console page "
              + org.eclipse.jetty.util.StringUtil.sanitizeXmlString(path)
              + ". <a href=\"/console/\">Overview</a></p>");
    }
    // A POST's form only: nothing a page acts on comes from a URL, which lands in histories.
    Fields fields =
        post
            ? FormFields.getFields(request)
            : Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    Map<String, String> parameters = new HashMap<>();
    fields.forEach(field -> parameters.put(field.getName(), field.getValue()));
    ConsoleRequest consoleRequest = new ConsoleRequest(path, parameters, access.get());
    ConsoleReply answer;
    try {
      answer = post ? page.post(consoleRequest) : page.get(consoleRequest);
    } catch (Exception failed) {
      log.warn("console page {} failed", path, failed);
      return HttpReplies.send(
          response,
          callback,
          HttpStatus.INTERNAL_SERVER_ERROR_500,
          ConsoleReply.HTML,
          "<!DOCTYPE html><title>Page failed</title><p>The page failed: "
              + org.eclipse.jetty.util.StringUtil.sanitizeXmlString(
                  String.valueOf(failed.getMessage()))
              + ". The worker's log has the details. <a href=\"/console/\">Overview</a></p>");
    }
    if (answer.location() != null) {
      return redirect(response, callback, answer.location());
    }
    return HttpReplies.send(
        response, callback, answer.status(), answer.contentType(), answer.body());
  }

  private Optional<ConsoleRequest.Access> access(Request request) {
    if (!token.required()) {
      return Optional.of(ConsoleRequest.Access.OPEN);
    }
    if (bearer(request)) {
      return Optional.of(ConsoleRequest.Access.TOKEN);
    }
    return sessions.admits(cookie(request))
        ? Optional.of(ConsoleRequest.Access.SESSION)
        : Optional.empty();
  }

  private boolean bearer(Request request) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    return header != null && token.required() && token.admits(header);
  }

  /**
   * Browsers say where a form came from in {@code Sec-Fetch-Site}; older ones at least in {@code
   * Origin} (which is "null" under some referrer policies, so Sec-Fetch-Site goes first).
   */
  private static boolean sameOrigin(Request request) {
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin");
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    String host = request.getHeaders().get(HttpHeader.HOST);
    return origin != null
        && host != null
        && origin.equalsIgnoreCase(request.getHttpURI().getScheme() + "://" + host);
  }

  private static Optional<String> cookie(Request request) {
    List<HttpCookie> cookies = Request.getCookies(request);
    return cookies.stream()
        .filter(c -> c.getName().equals(COOKIE))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  private boolean signIn(Request request, Response response, Callback callback) throws Exception {
    if (!token.required()) {
      return redirect(response, callback, "/console/");
    }
    // From the form only: a token in the URL would be kept in histories and logs.
    String given = FormFields.getFields(request).getValue("token");
    if (given == null || !token.admits("Bearer " + given.strip())) {
      // Logged without what was typed: a near-miss token is still most of a secret.
      log.warn("console sign-in refused: wrong token");
      return signInForm(
          response, callback, HttpStatus.UNAUTHORIZED_401, "That is not the admin token.");
    }
    String session = sessions.start();
    response
        .getHeaders()
        .add(
            HttpHeader.SET_COOKIE,
            COOKIE
                + "="
                + session
                + "; Path=/console; Max-Age="
                + ConsoleSessions.IDLE.toSeconds()
                + "; HttpOnly; SameSite=Strict");
    return redirect(response, callback, "/console/");
  }

  private boolean signInForm(Response response, Callback callback, int status, String error) {
    String html =
        templates.render("signin.jte", Map.of("tokenRequired", token.required(), "error", error));
    return HttpReplies.send(response, callback, status, ConsoleReply.HTML, html);
  }

  /** Browsers go to the sign-in form; scripts get a 401 that says what to send. */
  private boolean refuse(Request request, Response response, Callback callback) {
    if (HttpMethod.POST.is(request.getMethod())) {
      // The form is left unread, so the connection cannot carry another request: say so.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    if (accept != null && accept.contains("text/html")) {
      return redirect(response, callback, SIGN_IN);
    }
    return HttpReplies.unauthorized(
        response,
        callback,
        "{\"error\":\"sign in at " + SIGN_IN + " or send 'Authorization: Bearer <token>'\"}");
  }

  private static void secureHeaders(Response response) {
    response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "same-origin");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
  }

  private static boolean redirect(Response response, Callback callback, String location) {
    response.setStatus(HttpStatus.SEE_OTHER_303);
    response.getHeaders().put(HttpHeader.LOCATION, location);
    Content.Sink.write(response, true, "", callback);
    return true;
  }

  private static byte[] readStyles() {
    try (InputStream in = ConsoleGate.class.getResourceAsStream("/console/console.css")) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (java.io.IOException unreadable) {
      throw new java.io.UncheckedIOException(unreadable);
    }
  }
}

package dev.leadrouter.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the admin paths. {@code /health} is open so load balancers and orchestrators can probe it
 * without a secret; it shows statuses, never data. Everything else is checked against the token
 * before the path is even looked at, so a caller without it cannot tell which pages exist.
 */
final class AdminHandler extends Handler.Abstract.NonBlocking {

  /** Prometheus text exposition format 0.0.4, which every Prometheus version scrapes. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final String JSON = HttpReplies.JSON;

  private final Set<HealthIndicator> indicators;
  private final Map<String, AdminAction> actions;
  private final PrometheusMeterRegistry registry;
  private final BearerToken token;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  AdminHandler(
      Set<HealthIndicator> indicators,
      Set<AdminAction> actions,
      PrometheusMeterRegistry registry,
      BearerToken token) {
    this.indicators = Set.copyOf(indicators);
    this.actions =
        actions.stream().collect(Collectors.toUnmodifiableMap(AdminAction::path, a -> a));
    this.registry = registry;
    this.token = token;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if (HttpMethod.POST.is(method)) {
      return action(request, response, callback);
    }
    if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      return reply(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, JSON, error("use GET"));
    }
    String path = Request.getPathInContext(request);
    if (path.equals("/health")) {
      return health(response, callback);
    }
    if (!token.admits(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      return unauthorized(response, callback);
    }
    if (path.equals("/metrics")) {
      return reply(response, callback, HttpStatus.OK_200, PROMETHEUS_TEXT, registry.scrape());
    }
    return reply(response, callback, HttpStatus.NOT_FOUND_404, JSON, error("no page " + path));
  }

  /** Actions change the worker, so they are only ever POSTed, and always need the token. */
  private boolean action(Request request, Response response, Callback callback) throws Exception {
    if (!token.admits(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      return unauthorized(response, callback);
    }
    String path = Request.getPathInContext(request);
    AdminAction action = actions.get(path);
    if (action == null) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      return reply(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, JSON, error("use GET"));
    }
    AdminAction.Result result = action.run();
    return reply(response, callback, result.status(), JSON, json.writeValueAsString(result.body()));
  }

  private boolean health(Response response, Callback callback) throws Exception {
    HealthReport report = HealthReport.of(indicators);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", report.status());
    Map<String, Object> components = new LinkedHashMap<>();
    report
        .components()
        .forEach(
            (name, health) ->
                components.put(name, Map.of("status", health.status(), "detail", health.detail())));
    body.put("components", components);
    // DEGRADED still routes, so only DOWN tells an orchestrator to act.
    int status =
        report.status() == HealthStatus.DOWN
            ? HttpStatus.SERVICE_UNAVAILABLE_503
            : HttpStatus.OK_200;
    return reply(response, callback, status, JSON, json.writeValueAsString(body));
  }

  private String error(String message) throws Exception {
    return json.writeValueAsString(Map.of("error", message));
  }

  private boolean unauthorized(Response response, Callback callback) throws Exception {
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    return HttpReplies.unauthorized(
        response, callback, error("send the admin token as 'Authorization: Bearer <token>'"));
  }

  private static boolean reply(
      Response response, Callback callback, int status, String contentType, String body) {
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    return HttpReplies.send(response, callback, status, contentType, body);
  }
}

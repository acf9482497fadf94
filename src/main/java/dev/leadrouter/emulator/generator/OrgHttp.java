package dev.leadrouter.emulator.generator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The few REST calls a web form handler makes, over plain HTTP: sign in by client credentials, read
 * with SOQL, create a lead. Transient failures (503, REQUEST_LIMIT_EXCEEDED, a cut connection) are
 * retried with backoff; an expired session signs in again. A form handler does not send {@code
 * Sforce-Auto-Assign}, so the org's own lead assignment rule runs, as in production.
 */
final class OrgHttp {

  /** A failure worth another try. */
  static final class Transient extends RuntimeException {
    Transient(String message) {
      super(message);
    }
  }

  /** A failure no retry fixes (bad data, bad credentials). */
  static final class Permanent extends RuntimeException {
    Permanent(String message) {
      super(message);
    }
  }

  private final OrgConnection connection;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<String> token = new AtomicReference<>();
  private final Retry retry;
  private final java.util.concurrent.atomic.AtomicLong restCalls =
      new java.util.concurrent.atomic.AtomicLong();

  OrgHttp(OrgConnection connection) {
    this.connection = connection;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.retry =
        Retry.of(
            "lead-generator",
            RetryConfig.custom()
                .maxAttempts(10)
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        Duration.ofMillis(100), 2.0, 0.5, Duration.ofSeconds(5)))
                .retryOnException(e -> e instanceof Transient || e instanceof IOException)
                .build());
  }

  /** Creates a lead and returns its id. */
  String createLead(Map<String, Object> fields) {
    String body;
    try {
      body = json.writeValueAsString(fields);
    } catch (IOException e) {
      throw new Permanent("cannot write lead as JSON: " + e.getMessage());
    }
    JsonNode created =
        call(
            () ->
                HttpRequest.newBuilder(rest("/sobjects/Lead"))
                    .header("Content-Type", "application/json")
                    .header("Sforce-Call-Options", "client=lead-generator")
                    .POST(HttpRequest.BodyPublishers.ofString(body)),
            201);
    return created.get("id").asText();
  }

  /** Every record a query returns, following nextRecordsUrl page by page. */
  List<JsonNode> query(String soql) {
    List<JsonNode> records = new ArrayList<>();
    URI next = rest("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    while (next != null) {
      URI page = next;
      JsonNode body = call(() -> HttpRequest.newBuilder(page).GET(), 200);
      body.get("records").forEach(records::add);
      next =
          body.path("done").asBoolean(true)
              ? null
              : URI.create(connection.instanceUrl() + body.get("nextRecordsUrl").asText());
    }
    return records;
  }

  private interface RequestBuilder {
    HttpRequest.Builder build();
  }

  private JsonNode call(RequestBuilder request, int expected) {
    try {
      return retry.executeCheckedSupplier(() -> once(request, expected));
    } catch (Permanent | Transient e) {
      throw e;
    } catch (Throwable e) {
      throw new Transient("gave up after retries: " + e);
    }
  }

  private JsonNode once(RequestBuilder request, int expected)
      throws IOException, InterruptedException {
    String current = token.get();
    if (current == null) {
      current = signIn();
    }
    restCalls.incrementAndGet();
    HttpResponse<String> response =
        http.send(
            request.build().header("Authorization", "Bearer " + current).build(),
            HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    if (status == expected) {
      return json.readTree(response.body());
    }
    String body = response.body();
    if (status == 401) {
      token.compareAndSet(current, null);
      throw new Transient("session expired");
    }
    if (status == 503
        || status >= 500
        || body.contains("REQUEST_LIMIT_EXCEEDED")
        || body.contains("UNABLE_TO_LOCK_ROW")) {
      throw new Transient("HTTP " + status);
    }
    throw new Permanent("HTTP " + status + ": " + body);
  }

  /** REST calls sent so far, retries included: the org counts each against its API budget. */
  long restCalls() {
    return restCalls.get();
  }

  private synchronized String signIn() throws IOException, InterruptedException {
    String current = token.get();
    if (current != null) {
      return current;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(connection.clientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(connection.clientSecret(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(withoutSlash(connection.loginUrl()) + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 503) {
      throw new Transient("token endpoint unavailable");
    }
    if (response.statusCode() != 200) {
      // The body names the OAuth error only; no secret is echoed.
      throw new Permanent("sign-in failed: HTTP " + response.statusCode() + " " + response.body());
    }
    Map<String, Object> answer = json.readValue(response.body(), new TypeReference<>() {});
    String issued = (String) answer.get("access_token");
    token.set(issued);
    return issued;
  }

  private URI rest(String path) {
    return URI.create(
        withoutSlash(connection.instanceUrl())
            + "/services/data/v"
            + connection.apiVersion()
            + path);
  }

  private static String withoutSlash(URI uri) {
    return uri.toString().replaceAll("/+$", "");
  }
}

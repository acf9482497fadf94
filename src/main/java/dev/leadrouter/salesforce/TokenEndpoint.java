package dev.leadrouter.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.SecureTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Posts an OAuth grant to {@code <login url>/services/oauth2/token} and reads the answer. Failures
 * carry Salesforce's {@code error} and {@code error_description}, with any value the caller names
 * as sensitive (secret, assertion) masked, in case an endpoint ever echoes it.
 */
final class TokenEndpoint {

  private static final String PATH = "/services/oauth2/token";
  private static final String MASK = "****";

  private final HttpClient http;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration timeout;

  TokenEndpoint(HttpClient http, ObjectMapper json, Clock clock, Duration timeout) {
    this.http = http;
    this.json = json;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Posts the form fields in order and returns the token, or throws a SalesforceException. */
  AccessToken request(URI loginUrl, Map<String, String> form, List<String> sensitive) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(withoutTrailingSlash(loginUrl) + PATH))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw SalesforceException.transport(e, request.uri());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Shutting down: not a transport failure, so no retry policy should act on it.
      throw new IllegalStateException("interrupted while signing in to Salesforce", e);
    }
    JsonNode body = readJson(response.body());
    if (response.statusCode() == 200 && body.hasNonNull("access_token")) {
      return token(body);
    }
    return fail(response.statusCode(), body, sensitive);
  }

  static String withoutTrailingSlash(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private AccessToken token(JsonNode body) {
    JsonNode issuedAt = body.path("issued_at");
    Instant issued =
        issuedAt.isTextual() && issuedAt.asText().matches("\\d{1,18}")
            ? Instant.ofEpochMilli(Long.parseLong(issuedAt.asText()))
            : clock.instant();
    String instance = body.path("instance_url").asText("");
    if (instance.isEmpty()) {
      throw new SalesforceException(
          200,
          List.of(new SalesforceError("MALFORMED_TOKEN_RESPONSE", "no instance_url", List.of())),
          ErrorKind.AUTH);
    }
    URI instanceUrl = URI.create(instance);
    if (!SecureTransport.allows(instanceUrl)) {
      // The token would travel in clear text to wherever the answer points.
      throw new SalesforceException(
          200,
          List.of(
              new SalesforceError(
                  "INSECURE_INSTANCE_URL",
                  "the sign-in answer names an instance_url without https: "
                      + instanceUrl.getScheme()
                      + "://"
                      + instanceUrl.getHost(),
                  List.of())),
          ErrorKind.AUTH);
    }
    return new AccessToken(body.get("access_token").asText(), instanceUrl, issued);
  }

  private static AccessToken fail(int status, JsonNode body, List<String> sensitive) {
    String error = body.path("error").asText("");
    if (error.isEmpty() && (status == 429 || status >= 500)) {
      // The endpoint itself is down or overloaded; signing in again later may well work.
      throw new SalesforceException(status, List.of());
    }
    String description = mask(body.path("error_description").asText(""), sensitive);
    throw new SalesforceException(
        status,
        List.of(
            new SalesforceError(
                error.isEmpty() ? "SIGN_IN_FAILED" : mask(error, sensitive),
                description,
                List.of())),
        ErrorKind.AUTH);
  }

  private static String mask(String text, List<String> sensitive) {
    String masked = text;
    for (String value : sensitive) {
      if (!value.isEmpty()) {
        masked = masked.replace(value, MASK);
      }
    }
    return masked;
  }

  private JsonNode readJson(String body) {
    try {
      JsonNode node = json.readTree(body == null ? "" : body);
      return node == null ? json.createObjectNode() : node;
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            field ->
                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

package dev.leadrouter.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.resilience4j.retry.Retry;
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
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@link RestClient} over {@link HttpClient}; see the interface for what every call does. */
final class HttpRestClient implements RestClient {

  /** sObject Collections take at most this many records a request. */
  static final int COLLECTION_LIMIT = 200;

  private final HttpClient http;
  private final AccessTokenSource tokens;
  private final ApiBudget budget;
  private final ObjectMapper json;
  private final ErrorEnvelope envelope;
  private final CollectionsCodec collections;
  private final String basePath;
  private final String callOptions;
  private final Duration timeout;
  private final Retry transientRetry;
  private final Retry budgetRetry;

  HttpRestClient(
      HttpClient http,
      AccessTokenSource tokens,
      ApiBudget budget,
      ObjectMapper json,
      String apiVersion,
      String callOptionsClient,
      Duration timeout,
      Retry transientRetry,
      Retry budgetRetry) {
    this.http = http;
    this.tokens = tokens;
    this.budget = budget;
    this.json = json;
    this.envelope = new ErrorEnvelope(json);
    this.collections = new CollectionsCodec(json);
    this.basePath = "/services/data/v" + apiVersion;
    this.callOptions = "client=" + callOptionsClient;
    this.timeout = timeout;
    this.transientRetry = transientRetry;
    this.budgetRetry = budgetRetry;
  }

  @Override
  public Stream<JsonNode> query(String soql) {
    String first = basePath + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    QueryCursor cursor =
        new QueryCursor(first, page -> withRetries(() -> exchange("GET", page, null)));
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public List<SaveResult> update(String sObject, List<Map<String, Object>> records) {
    return write("PATCH", sObject, records, true, () -> {});
  }

  @Override
  public List<SaveResult> update(
      String sObject, List<Map<String, Object>> records, Runnable beforeEachRequest) {
    return write("PATCH", sObject, records, true, beforeEachRequest);
  }

  @Override
  public List<SaveResult> create(String sObject, List<Map<String, Object>> records) {
    return write("POST", sObject, records, false, () -> {});
  }

  private List<SaveResult> write(
      String method,
      String sObject,
      List<Map<String, Object>> records,
      boolean withId,
      Runnable beforeEachRequest) {
    List<JsonNode> prepared = new ArrayList<>(records.size());
    for (Map<String, Object> record : records) {
      prepared.add(collections.record(sObject, record, withId));
    }
    List<SaveResult> results = new ArrayList<>(records.size());
    for (int from = 0; from < prepared.size(); from += COLLECTION_LIMIT) {
      PartialWrite chunk =
          new PartialWrite(
              prepared.subList(from, Math.min(prepared.size(), from + COLLECTION_LIMIT)));
      results.addAll(
          withRetries(
                  () -> chunk.attempt(batch -> sendCollection(method, batch, beforeEachRequest)))
              .results());
    }
    return List.copyOf(results);
  }

  private List<SaveResult> sendCollection(
      String method, List<JsonNode> batch, Runnable beforeEachRequest) {
    String path = basePath + "/composite/sobjects";
    return CollectionsCodec.results(
        exchange(method, path, collections.request(batch), beforeEachRequest));
  }

  /** Transient failures retried inside, budget exhaustion outside; each policy counts its own. */
  private <T> T withRetries(Supplier<T> call) {
    return Retry.decorateSupplier(budgetRetry, Retry.decorateSupplier(transientRetry, call)).get();
  }

  /**
   * One logical request: sent with the current token and, if Salesforce rejects the session, once
   * more with a renewed one. The only place a token is read or refreshed.
   */
  private JsonNode exchange(String method, String path, JsonNode body) {
    return exchange(method, path, body, () -> {});
  }

  private JsonNode exchange(String method, String path, JsonNode body, Runnable beforeEachRequest) {
    AccessToken token = tokens.token();
    beforeEachRequest.run();
    HttpResponse<String> response = send(token, method, path, body);
    if (isAuthFailure(response)) {
      token = tokens.refresh(token);
      beforeEachRequest.run();
      response = send(token, method, path, body);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SalesforceException(response.statusCode(), envelope.parse(response.body()));
    }
    return readJson(response);
  }

  private boolean isAuthFailure(HttpResponse<String> response) {
    return response.statusCode() / 100 != 2
        && ErrorKind.of(response.statusCode(), envelope.parse(response.body())) == ErrorKind.AUTH;
  }

  private HttpResponse<String> send(AccessToken token, String method, String path, JsonNode body) {
    if (!path.startsWith("/services/")) {
      // Paths come back from Salesforce (nextRecordsUrl); the token only ever goes to the org.
      throw new SalesforceException(
          200,
          List.of(
              new SalesforceError("UNEXPECTED_RESPONSE", "not an org path: " + path, List.of())),
          ErrorKind.PERMANENT);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(TokenEndpoint.withoutTrailingSlash(token.instanceUrl()) + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token.value())
            .header("Sforce-Call-Options", callOptions)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      // Absent, this header means TRUE: assignment rules would run and could undo our owner.
      request
          .header("Sforce-Auto-Assign", "FALSE")
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw SalesforceException.transport(e, request.build().uri());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling Salesforce", e);
    }
    response.headers().firstValue(ApiBudget.HEADER).ifPresent(budget::record);
    return response;
  }

  private String write(JsonNode body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record values must be JSON-serialisable", e);
    }
  }

  private JsonNode readJson(HttpResponse<String> response) {
    String body = response.body();
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SalesforceException(
          response.statusCode(),
          List.of(new SalesforceError("UNEXPECTED_RESPONSE", "response is not JSON", List.of())),
          ErrorKind.PERMANENT);
    }
  }

  @Override
  public String toString() {
    return "HttpRestClient[" + basePath + ", " + callOptions + "]";
  }
}

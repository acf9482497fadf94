package dev.leadrouter.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.leadrouter.config.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SingleFlightTokenSourceTest {

  @RegisterExtension
  static final WireMockExtension SALESFORCE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN_PATH = "/services/oauth2/token";

  private final SingleFlightTokenSource tokens =
      new SingleFlightTokenSource(
          new ClientCredentialsFlow(
              new TokenEndpoint(
                  HttpClient.newHttpClient(),
                  new ObjectMapper(),
                  Clock.systemUTC(),
                  Duration.ofSeconds(5)),
              URI.create(SALESFORCE.baseUrl()),
              "3MVG9client",
              new Secret("s3cr3t")));

  @Test
  void signsInOnceAndReusesTheToken() {
    SALESFORCE.stubFor(post(TOKEN_PATH).willReturn(okJson()));

    AccessToken first = tokens.token();
    AccessToken second = tokens.token();

    assertThat(second).isSameAs(first);
    SALESFORCE.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void concurrentRefreshesOfOneStaleTokenSignInOnce() throws Exception {
    SALESFORCE.stubFor(post(TOKEN_PATH).willReturn(okJson()));
    AccessToken stale = new AccessToken("expired", URI.create(SALESFORCE.baseUrl()), Instant.EPOCH);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<AccessToken>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                return tokens.refresh(stale);
              }));
    }
    assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
    go.countDown();

    List<AccessToken> fresh = new ArrayList<>();
    for (Future<AccessToken> result : results) {
      fresh.add(result.get(10, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(fresh).allSatisfy(token -> assertThat(token).isSameAs(fresh.get(0)));
    assertThat(fresh.get(0).value()).isNotEqualTo("expired");
    SALESFORCE.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aRefreshOfTheCurrentTokenSignsInAgain() {
    SALESFORCE.stubFor(post(TOKEN_PATH).willReturn(okJson()));

    AccessToken first = tokens.token();
    tokens.refresh(first);

    SALESFORCE.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson() {
    return Stubs.okJson("oauth-client-credentials.json", SALESFORCE.baseUrl());
  }
}

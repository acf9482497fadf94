package dev.leadrouter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import dev.leadrouter.config.AdminSettings;
import dev.leadrouter.config.Secret;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {

  private static final String TOKEN = "s3cret-admin-token";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private AdminServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void healthIsOpenAndSumsUpItsComponents() throws Exception {
    AtomicReference<Health> writer = new AtomicReference<>(Health.up("writing"));
    server =
        start(
            Optional.of(new Secret(TOKEN)),
            Set.of(
                indicator("capture", () -> Health.up("subscribed")),
                indicator("write", writer::get)),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    HttpResponse<String> up = get("/health", null);
    assertThat(up.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(up.body());
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/capture/detail").asText()).isEqualTo("subscribed");

    writer.set(Health.degraded("enrichment circuit open"));
    assertThat(json.readTree(get("/health", null).body()).get("status").asText())
        .isEqualTo("DEGRADED");

    writer.set(Health.down("Salesforce unreachable"));
    HttpResponse<String> down = get("/health", null);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json.readTree(down.body()).get("status").asText()).isEqualTo("DOWN");
    assertThat(json.readTree(down.body()).at("/components/write/status").asText())
        .isEqualTo("DOWN");
  }

  @Test
  void aFailingIndicatorIsDownWithoutItsMessage() throws Exception {
    server =
        start(
            Optional.empty(),
            Set.of(
                indicator(
                    "store",
                    () -> {
                      throw new IllegalStateException("jdbc:postgresql://db?password=hunter2");
                    })),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    HttpResponse<String> health = get("/health", null);

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("IllegalStateException").doesNotContain("hunter2");
  }

  @Test
  void metricsNeedTheTokenAndShowWhatTheWorkerRecordedAndTheJvm() throws Exception {
    Injector injector =
        Guice.createInjector(
            new AdminModule(),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(AdminSettings.class)
                    .toInstance(new AdminSettings("127.0.0.1", 0, Optional.of(new Secret(TOKEN))));
                Multibinder.newSetBinder(binder(), HealthIndicator.class)
                    .addBinding()
                    .toInstance(indicator("capture", () -> Health.up("ok")));
              }
            });
    injector.getInstance(MeterRegistry.class).counter("leadrouter.events.in").increment(3);
    server = injector.getInstance(AdminServer.class).start();

    assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "Bearer wrong-token").statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "Basic " + TOKEN).statusCode()).isEqualTo(401);

    HttpResponse<String> metrics = get("/metrics", "Bearer " + TOKEN);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.body())
        .contains("leadrouter_events_in_total 3.0")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_live_threads");
    assertThat(json.readTree(get("/health", null).body()).at("/components/capture/status").asText())
        .isEqualTo("UP");
  }

  @Test
  void everyOtherPathNeedsTheTokenBeforeItSaysWhetherItExists() throws Exception {
    server =
        start(
            Optional.of(new Secret(TOKEN)),
            Set.of(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    HttpResponse<String> anonymous = get("/routing-log", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"lead-router\"");
    assertThat(get("/routing-log", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    assertThat(anonymous.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void withoutATokenOnLoopbackMetricsAreOpen() throws Exception {
    server =
        start(Optional.empty(), Set.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
    assertThat(json.readTree(get("/health", null).body()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void refusesToListenOnTheNetworkWithoutAToken() {
    AdminServer open =
        new AdminServer(
            new AdminSettings("0.0.0.0", 0, Optional.empty()),
            Set.of(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    assertThatThrownBy(open::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0.0.0.0")
        .hasMessageContaining("lead-router.admin.token-file");
  }

  @Test
  void listensOnTheNetworkWithAToken() throws Exception {
    server =
        new AdminServer(
                new AdminSettings("0.0.0.0", 0, Optional.of(new Secret(TOKEN))),
                Set.of(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();

    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void onlyReads() throws Exception {
    server =
        start(Optional.empty(), Set.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(405);
  }

  private AdminServer start(
      Optional<Secret> token, Set<HealthIndicator> indicators, PrometheusMeterRegistry registry) {
    return new AdminServer(new AdminSettings("127.0.0.1", 0, token), indicators, registry).start();
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HealthIndicator indicator(String name, java.util.function.Supplier<Health> check) {
    return new HealthIndicator() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Health check() {
        return check.get();
      }
    };
  }
}

package dev.leadrouter.capture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.leadrouter.testing.UntrustedHttps;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CometD client (Jetty's HttpClient) refuses an org whose certificate no trusted authority
 * signed, on a host name that is not loopback, and gives up saying so rather than handshaking again
 * and again with the token.
 */
class StreamingTlsIT {

  @RegisterExtension
  static final WireMockExtension ORG =
      WireMockExtension.newInstance().options(UntrustedHttps.server()).build();

  private static final String TOKEN = "00Dxx0000001gPL!StreamingTokenNeverShown";

  @Test
  void theHandshakeRefusesAnUntrustedCertificateAndGivesUp() throws Exception {
    // A Bayeux handshake answer would be accepted if TLS were not checked.
    ORG.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
    URI cometd =
        URI.create(
            "https://"
                + UntrustedHttps.nonLoopbackHost()
                + ":"
                + ORG.getRuntimeInfo().getHttpsPort()
                + "/cometd/62.0");
    try (CdcSubscriber subscriber =
        new CdcSubscriber(
            new SubscriberSettings(
                cometd,
                List.of("/data/LeadChangeEvent"),
                InitialReplay.NEW_ONLY,
                "lead-router",
                16),
            new FixedToken(),
            new InMemoryCheckpointStore(),
            request -> {},
            event -> {},
            Clock.fixed(Instant.parse("2026-11-01T09:30:00Z"), ZoneId.of("UTC")))) {
      subscriber.start();

      await().atMost(Duration.ofSeconds(20)).until(() -> subscriber.failure().isPresent());

      assertThat(subscriber.failure())
          .get()
          .asString()
          .contains("TLS certificate of " + cometd.getHost() + " is not trusted")
          .doesNotContain(TOKEN);
      assertThat(subscriber.isSubscribed("/data/LeadChangeEvent")).isFalse();
    }
    assertThat(ORG.getAllServeEvents()).as("no request got past the TLS handshake").isEmpty();
  }

  @Test
  void plainHttpToAnotherHostIsRefusedBeforeAnyConnection() {
    Optional<Throwable> refused = Optional.empty();
    try {
      new SubscriberSettings(
          URI.create("http://example.com/cometd/62.0"),
          List.of("/data/LeadChangeEvent"),
          InitialReplay.NEW_ONLY,
          "lead-router",
          16);
    } catch (IllegalArgumentException expected) {
      refused = Optional.of(expected);
    }
    assertThat(refused).get().asString().contains("must use https://");
  }

  private static final class FixedToken implements AccessTokenSource {
    @Override
    public String token() {
      return TOKEN;
    }

    @Override
    public void refresh(String stale) {}
  }
}

package dev.leadrouter.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.leadrouter.config.Secret;
import dev.leadrouter.testing.UntrustedHttps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook channel refuses a server with an untrusted certificate on a host that is not
 * loopback, and names the host, never the rest of the URL (which is the webhook's credential).
 * Slack's incoming webhook shape: https://api.slack.com/messaging/webhooks.
 */
class WebhookTlsIT {

  @RegisterExtension
  static final WireMockExtension SLACK =
      WireMockExtension.newInstance().options(UntrustedHttps.server()).build();

  private static final String HOOK = "/services/T000/B000/SecretPartOfTheUrl";

  @Test
  void refusesAnUntrustedCertificateWithoutShowingTheUrl() {
    SLACK.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    String host = UntrustedHttps.nonLoopbackHost();
    WebhookChannel webhook =
        new WebhookChannel(
            new Secret("https://" + host + ":" + SLACK.getRuntimeInfo().getHttpsPort() + HOOK),
            Duration.ofSeconds(5));

    Throwable failure =
        catchThrowable(() -> webhook.send(new Notice("SLA missed", "Ann, lead 00Q1", List.of())));

    assertThat(failure)
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("TLS certificate of " + host + " is not trusted")
        .hasMessageNotContaining("SecretPartOfTheUrl");
    assertThat(SLACK.getAllServeEvents()).isEmpty();
  }
}

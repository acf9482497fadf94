package dev.leadrouter.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.leadrouter.config.Secret;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook channel against a stub of a Slack incoming webhook, which takes {@code {"text": ...}}
 * and answers 200 with the body {@code ok}
 * (https://api.slack.com/messaging/webhooks#posting_with_webhooks).
 */
class WebhookChannelTest {

  @RegisterExtension
  static final WireMockExtension SLACK =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String HOOK = "/services/T000/B000/XXXXXXXX";
  private static final Notice NOTICE =
      new Notice("SLA missed: lead 00Q1", "Ann, the lead is untouched.", List.of());

  private WebhookChannel webhook() {
    return new WebhookChannel(new Secret(SLACK.baseUrl() + HOOK), Duration.ofSeconds(2));
  }

  @Test
  void postsTheNoticeAsSlackText() {
    SLACK.stubFor(
        post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));

    webhook().send(NOTICE);

    SLACK.verify(
        postRequestedFor(urlPathEqualTo(HOOK))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"text\": \"*SLA missed: lead 00Q1*\\nAnn, the lead is untouched.\"}")));
  }

  @Test
  void aFailureNamesTheStatusButNeverTheSecretUrl() {
    SLACK.stubFor(
        post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(404).withBody("no_service")));

    assertThatThrownBy(() -> webhook().send(NOTICE))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("HTTP 404")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("XXXXXXXX"));
  }

  @Test
  void aPassingOutageIsRetried() {
    SLACK.stubFor(
        post(urlPathEqualTo(HOOK))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("back"));
    SLACK.stubFor(
        post(urlPathEqualTo(HOOK))
            .inScenario("outage")
            .whenScenarioStateIs("back")
            .willReturn(aResponse().withStatus(200).withBody("ok")));

    new ResilientChannel(webhook(), 3, Duration.ofMillis(1), Duration.ofMinutes(1)).send(NOTICE);

    SLACK.verify(2, postRequestedFor(urlPathEqualTo(HOOK)));
  }

  @Test
  void aWebhookThatKeepsFailingIsLeftAloneOnceTheCircuitOpens() {
    SLACK.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(500)));
    ResilientChannel channel =
        new ResilientChannel(webhook(), 2, Duration.ofMillis(1), Duration.ofMinutes(1));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> channel.send(NOTICE)).isInstanceOf(NotificationException.class);
    }
    assertThat(channel.state()).isEqualTo(CircuitBreaker.State.OPEN);
    int callsWhenOpened = SLACK.getAllServeEvents().size();

    assertThatThrownBy(() -> channel.send(NOTICE)).hasMessageContaining("paused");
    assertThat(SLACK.getAllServeEvents()).hasSize(callsWhenOpened);
  }
}

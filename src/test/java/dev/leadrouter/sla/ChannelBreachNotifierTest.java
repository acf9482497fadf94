package dev.leadrouter.sla;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.SmtpSettings;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.notify.MessageTemplates;
import dev.leadrouter.notify.Notifier;
import dev.leadrouter.notify.SmtpChannel;
import dev.leadrouter.notify.WebhookChannel;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClockStatus;
import dev.leadrouter.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A breach notice to the owner and their manager, whose addresses come from the org's User records,
 * on a webhook stub and a real SMTP server.
 */
class ChannelBreachNotifierTest {

  @RegisterExtension
  static final WireMockExtension SLACK =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

  private static final Instant ROUTED = Instant.parse("2026-11-24T15:00:00Z");
  private final MutableClock clock = new MutableClock(ROUTED.plus(Duration.ofMinutes(11)));
  private OrgServer org;
  private RestClient rest;

  @BeforeEach
  void start() throws Exception {
    org =
        new OrgServer(
                OrgServer.Settings.defaults(clock),
                Org.load(Path.of("src/test/resources/worker/seed.json"), clock))
            .start();
    SalesforceSettings connection =
        new SalesforceSettings(
            org.instanceUrl(),
            Optional.of(org.instanceUrl()),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of("worker-test-client"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Secret("worker-test-secret")),
            Optional.empty(),
            "lead-router");
    Injector injector =
        Guice.createInjector(
            new ClockModule(clock),
            new SalesforceModule(SalesforceClientSettings.defaults()),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(SalesforceSettings.class).toInstance(connection);
                bind(MeterRegistry.class).toInstance(new SimpleMeterRegistry());
              }
            });
    rest = injector.getInstance(RestClient.class);
  }

  @AfterEach
  void stop() throws Exception {
    org.close();
  }

  @Test
  void theOwnerAndTheirManagerAreToldOnEveryChannel() throws Exception {
    String integration = new dev.leadrouter.lead.SalesforceId("005Wk0000000001").value();
    String manager =
        org.org()
            .data()
            .insert(
                SObjectType.USER,
                Map.of(
                    "Username",
                    "mia@worker.test",
                    "LastName",
                    "Meyer",
                    "Email",
                    "mia@example.org",
                    "IsActive",
                    true),
                integration)
            .id();
    String owner =
        org.org()
            .data()
            .insert(
                SObjectType.USER,
                Map.of(
                    "Username",
                    "ann2@worker.test",
                    "FirstName",
                    "Ann",
                    "LastName",
                    "Lee",
                    "Email",
                    "ann@example.org",
                    "ManagerId",
                    manager,
                    "IsActive",
                    true),
                integration)
            .id();
    SLACK.stubFor(
        post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200).withBody("ok")));
    ChannelBreachNotifier notifier =
        new ChannelBreachNotifier(
            new Notifier(
                List.of(
                    new WebhookChannel(
                        new Secret(SLACK.baseUrl() + "/hook"), Duration.ofSeconds(2)),
                    new SmtpChannel(
                        new SmtpSettings(
                            "127.0.0.1",
                            ServerSetupTest.SMTP.getPort(),
                            "lead-router@example.org",
                            Optional.empty(),
                            Optional.empty(),
                            false)))),
            new MessageTemplates(Optional.empty()),
            rest,
            "https://acme.my.salesforce.com/lightning/r/Lead/",
            clock);
    SlaClock breached =
        new SlaClock(
            7,
            "00QWk0000000001AAA",
            3,
            owner,
            "emea",
            "Inbound",
            "Web",
            "hot",
            false,
            ROUTED,
            ROUTED.plus(Duration.ofMinutes(5)),
            ROUTED.plus(Duration.ofHours(48)),
            SlaClockStatus.OPEN,
            "lead-router-sla-3",
            null,
            null,
            null,
            null,
            null);

    String detail = notifier.breached(breached);

    assertThat(detail)
        .contains("webhook: sent", "email: sent", "ann@example.org", "mia@example.org");
    SLACK.verify(
        postRequestedFor(urlPathEqualTo("/hook"))
            .withRequestBody(
                containing("SLA missed: 00QWk0000000001AAA is still untouched (6 min late)")));
    MimeMessage message = MAIL.getReceivedMessages()[0];
    assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString))
        .containsExactly("ann@example.org", "mia@example.org");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message))
        .contains("Ann Lee, the lead")
        .contains("https://acme.my.salesforce.com/lightning/r/Lead/00QWk0000000001AAA/view");
  }
}

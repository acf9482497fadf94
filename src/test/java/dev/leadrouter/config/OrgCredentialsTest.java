package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrgCredentialsTest {

  @TempDir Path dir;

  @Test
  void readsWhatTheEmulatorWritesAndSignsInWithClientCredentials() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("org.json"),
            """
            {"instance_url": "http://127.0.0.1:41234", "login_url": "http://127.0.0.1:41234",
             "username": "integration@emulator.lead-router.dev", "password": "emulator-password",
             "client_id": "3MVG9Emulator", "client_secret": "emulator-secret",
             "api_version": "61.0"}
            """);

    OrgCredentials credentials = OrgCredentials.read(file);
    SalesforceSettings settings =
        credentials
            .applyTo(new WorkerSettingsLoader().load(Path.of("config/application.conf"), Map.of()))
            .salesforce();

    assertThat(settings.loginUrl()).isEqualTo(URI.create("http://127.0.0.1:41234"));
    assertThat(settings.instanceUrl()).contains(URI.create("http://127.0.0.1:41234"));
    assertThat(settings.auth()).isEqualTo(AuthMethod.CLIENT_CREDENTIALS);
    assertThat(settings.apiVersion()).isEqualTo("61.0");
    assertThat(settings.clientSecret().orElseThrow().reveal()).isEqualTo("emulator-secret");
    assertThat(settings.missingCredentials()).isEmpty();
    assertThat(settings.callOptionsClient()).isEqualTo("lead-router");
    assertThat(credentials.toString())
        .doesNotContain("emulator-secret")
        .doesNotContain("emulator-password");
  }

  @Test
  void withoutAClientSecretItSignsInWithUsernameAndPassword() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("org.json"),
            """
            {"instance_url": "https://acme--uat.sandbox.my.salesforce.com",
             "username": "router@acme.com.uat", "password": "pw+token"}
            """);

    OrgCredentials credentials = OrgCredentials.read(file);

    assertThat(credentials.loginUrl()).isEqualTo(credentials.instanceUrl());
    SalesforceSettings settings =
        credentials.applyTo(
            new WorkerSettingsLoader()
                .load(Path.of("config/application.conf"), Map.of())
                .salesforce());
    assertThat(settings.auth()).isEqualTo(AuthMethod.SOAP_PASSWORD);
    assertThat(settings.apiVersion()).isEqualTo("62.0");
    assertThat(settings.missingCredentials()).isEmpty();
  }

  @Test
  void problemsNameTheFileAndKeysButNeverAValue() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("org.json"),
            "{\"instance_url\": \"ftp://x\", \"client_secret\": \"top-secret-value\"}");

    assertThatThrownBy(() -> OrgCredentials.read(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("org.json")
        .hasMessageContaining("instance_url: must be a web address")
        .hasMessageContaining("client_id: is missing")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("top-secret-value"));
  }

  @Test
  void brokenJsonIsReportedWithoutQuotingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("org.json"), "{\"password\": \"hunter2\"");

    assertThatThrownBy(() -> OrgCredentials.read(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cannot be parsed")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThatThrownBy(() -> OrgCredentials.read(dir.resolve("missing.json")))
        .hasMessageContaining("file not found");
  }

  @Test
  void refusesPlainHttpToAnOrgThatIsNotOnLoopback() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("org.json"),
            "{\"instance_url\": \"http://acme.my.salesforce.com\","
                + " \"client_id\": \"3MVG9\", \"client_secret\": \"top-secret-value\"}");

    assertThatThrownBy(() -> OrgCredentials.read(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("instance_url: must use https://")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("top-secret-value"));
  }

  @Test
  void theWholeSettingsKeepEverythingButTheConnection() throws Exception {
    // OrgOptions applies the file this way: SLA tracking and high availability were dropped.
    Path conf = dir.resolve("application.conf");
    Files.writeString(
        conf,
        Files.readString(Path.of("config/application.conf"))
            + "\nlead-router.ha { enabled = false, ttl = 9s }\n");
    WorkerSettings configured = new WorkerSettingsLoader().load(conf, Map.of());
    Path file =
        Files.writeString(
            dir.resolve("org.json"),
            "{\"instance_url\": \"http://127.0.0.1:41234\", \"client_id\": \"id\","
                + " \"client_secret\": \"s\"}");

    WorkerSettings applied = OrgCredentials.read(file).applyTo(configured);

    assertThat(applied.salesforce().instanceUrl()).contains(URI.create("http://127.0.0.1:41234"));
    assertThat(applied.withSalesforce(configured.salesforce())).isEqualTo(configured);
    assertThat(applied.sla().enabled()).isTrue();
    assertThat(applied.ha().enabled()).isEqualTo(HaSettings.Enabled.FALSE);
  }
}

package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.WorkerSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code lead-router run} refuses before it connects anywhere. */
class RunCommandTest {

  @TempDir Path scratch;

  @Test
  void rulesFromTheOrgAreRefusedWithTheRemedyNamed() {
    CliRun run = CliRun.of("run", "--config", "config/application.conf");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("rules.source = org", "org connection", "--rules FILE");
  }

  @Test
  void aMissingSettingsFileIsNamed() {
    CliRun run = CliRun.of("run", "--config", scratch.resolve("nope.conf").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope.conf", "does not exist");
  }

  @Test
  void credentialsThatAreNotJsonAreRefusedWithoutQuotingThem() throws Exception {
    Path credentials = scratch.resolve("org.json");
    Files.writeString(credentials, "client_secret=hunter2-very-secret");

    CliRun run =
        CliRun.of(
            "run",
            "--config",
            "config/application.conf",
            "--org-credentials",
            credentials.toString(),
            "--rules",
            "config/rules.example.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("org.json", "cannot be read as JSON");
    assertThat(run.toString()).doesNotContain("hunter2");
  }

  @Test
  void credentialsWithoutASignInAreRefused() throws Exception {
    Path credentials = scratch.resolve("org.json");
    Files.writeString(credentials, "{\"instance_url\": \"http://127.0.0.1:1\"}");

    CliRun run =
        CliRun.of(
            "dlq",
            "replay",
            "--all",
            "--org-credentials",
            credentials.toString(),
            "--rules",
            "config/rules.example.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("client_id and client_secret, or username and password");
  }

  @Test
  void orgCredentialsReplaceTheConnectionOnlyAndKeepSlaAndEnrichmentSettings() throws Exception {
    // Found by `bench chaos`: a worker started with --org-credentials ran without SLA tracking.
    Path credentials = credentialsForAnOrgAtLoopbackPort1();
    WorkerOptions options = new WorkerOptions();
    options.config = Path.of("config/application.conf");
    WorkerSettings configured = options.settings(false);
    options.orgCredentials = credentials;

    WorkerSettings settings = options.settings(false);

    assertThat(settings.sla()).usingRecursiveComparison().isEqualTo(configured.sla());
    assertThat(settings.sla().enabled()).isTrue();
    assertThat(settings.enrich()).usingRecursiveComparison().isEqualTo(configured.enrich());
    assertThat(settings.salesforce().instanceUrl()).contains(URI.create("http://127.0.0.1:1"));
  }

  @Test
  void orgCredentialsKeepTheConfiguredHighAvailabilitySettings() throws Exception {
    // `run --org-credentials` rebuilt the settings without them: a ttl set for the lease was lost.
    Path conf = scratch.resolve("application.conf");
    Files.writeString(
        conf,
        Files.readString(Path.of("config/application.conf"))
            + "\nlead-router.ha { enabled = false, ttl = 9s }\n");
    Path credentials = credentialsForAnOrgAtLoopbackPort1();
    WorkerOptions options = new WorkerOptions();
    options.config = conf;
    options.orgCredentials = credentials;

    WorkerSettings settings = options.settings(false);

    assertThat(settings.ha().ttl()).isEqualTo(java.time.Duration.ofSeconds(9));
    assertThat(settings.ha().enabled()).isEqualTo(dev.leadrouter.config.HaSettings.Enabled.FALSE);
  }

  private Path credentialsForAnOrgAtLoopbackPort1() throws java.io.IOException {
    return Files.writeString(
        scratch.resolve("org.json"),
        "{\"instance_url\": \"http://127.0.0.1:1\", \"client_id\": \"id\","
            + " \"client_secret\": \"s\"}");
  }
}

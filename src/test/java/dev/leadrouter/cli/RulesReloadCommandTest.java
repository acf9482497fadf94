package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.admin.AdminServer;
import dev.leadrouter.config.AdminSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.rules.RuleSetProvider;
import dev.leadrouter.rules.RulesHealth;
import dev.leadrouter.rules.RulesReloadAction;
import dev.leadrouter.rules.YamlRuleSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lead-router rules reload} against a worker's admin endpoint. */
class RulesReloadCommandTest {

  private static final String TOKEN = "reload-token-4711";

  @TempDir Path scratch;
  private Path rules;
  private Path tokenFile;
  private RuleSetProvider provider;
  private AdminServer admin;

  @BeforeEach
  void startAdmin() throws Exception {
    rules = scratch.resolve("rules.yaml");
    Files.copy(Path.of("config/rules.example.yaml"), rules);
    tokenFile = scratch.resolve("token");
    Files.writeString(tokenFile, TOKEN + "\n");
    provider =
        new RuleSetProvider(
            new YamlRuleSource(rules),
            Duration.ofMinutes(5),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    provider.start();
    admin =
        new AdminServer(
                new AdminSettings("127.0.0.1", 0, Optional.of(new Secret(TOKEN))),
                Set.of(new RulesHealth(provider)),
                Set.of(new RulesReloadAction(provider)),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();
  }

  @AfterEach
  void stop() {
    admin.close();
    provider.close();
  }

  @Test
  void reloadsAndSaysWhatChanged() throws Exception {
    edit("version: example-2026-11", "version: example-2026-12");
    edit("    slaMinutes: 15", "    slaMinutes: 20");

    CliRun run = reload(tokenFile);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("\"applied\"", "example-2026-12", "rules changed: Enterprise_Team");
    assertThat(provider.get().version()).isEqualTo("example-2026-12");
  }

  @Test
  void aRejectedChangeExitsOneWithTheProblems() throws Exception {
    edit("operator: equals, value: Enterprise", "operator: bigger, value: Enterprise");

    CliRun run = reload(tokenFile);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("rejected", "'bigger' is not an operator");
    assertThat(provider.get().version()).isEqualTo("example-2026-11");
  }

  @Test
  void withoutTheTokenNothingIsReloaded() throws Exception {
    edit("version: example-2026-11", "version: example-2026-12");

    CliRun run = reload(null);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(provider.get().version()).isEqualTo("example-2026-11");
    assertThat(run.toString()).doesNotContain(TOKEN);
  }

  @Test
  void aWorkerThatIsNotThereIsNamed() {
    CliRun run = CliRun.of("rules", "reload", "--admin-url", "http://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no worker answers at http://127.0.0.1:1");
  }

  private CliRun reload(Path token) {
    return token == null
        ? CliRun.of("rules", "reload", "--admin-url", admin.uri().toString())
        : CliRun.of(
            "rules",
            "reload",
            "--admin-url",
            admin.uri().toString(),
            "--token-file",
            token.toString());
  }

  private void edit(String from, String to) throws Exception {
    String text = Files.readString(rules, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(rules, text.replace(from, to), StandardCharsets.UTF_8);
  }
}

package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaSettingsTest {

  private static final Path SHIPPED = Path.of("config/application.conf");

  private final WorkerSettingsLoader loader = new WorkerSettingsLoader();

  @TempDir Path dir;

  @Test
  void theShippedFileGivesHotLeadsFiveMinutesAndWarmLeadsOneBusinessHour() {
    SlaSettings sla = loader.load(SHIPPED, Map.of()).sla();

    assertThat(sla.enabled()).isTrue();
    assertThat(sla.tier("hot")).contains(new SlaTierSettings("hot", Duration.ofMinutes(5), false));
    assertThat(sla.tier("warm")).contains(new SlaTierSettings("warm", Duration.ofHours(1), true));
    assertThat(sla.tier("cold").orElseThrow().name()).isEqualTo(SlaSettings.DEFAULT_TIER);
    assertThat(sla.tier(null).orElseThrow().firstTouch()).isEqualTo(Duration.ofHours(4));
    assertThat(sla.untouchedStatuses()).containsExactly("Open - Not Contacted");
    assertThat(sla.businessHours().zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(sla.businessHours().hours().isOpen(DayOfWeek.MONDAY, LocalTime.of(9, 0))).isTrue();
    assertThat(sla.businessHours().hours().isOpen(DayOfWeek.SATURDAY, LocalTime.NOON)).isFalse();
    assertThat(sla.businessHours().holidays()).contains(LocalDate.of(2026, 12, 25));
    assertThat(sla.escalation().reassignAfter()).contains(Duration.ofMinutes(30));
    assertThat(sla.escalation().recycleAfter()).isEqualTo(Duration.ofHours(48));
    assertThat(sla.escalation().nurtureQueueId()).isEmpty();
    assertThat(sla.task().priority()).isEqualTo("High");
  }

  @Test
  void misroutesCountForSevenDaysUnlessTheEnvironmentSaysOtherwise() {
    assertThat(loader.load(SHIPPED, Map.of()).sla().misrouteWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(
            loader
                .load(SHIPPED, Map.of("LEAD_ROUTER_SLA_MISROUTE_WINDOW", "3 days"))
                .sla()
                .misrouteWindow())
        .isEqualTo(Duration.ofDays(3));
    assertThatThrownBy(
            () -> loader.load(SHIPPED, Map.of("LEAD_ROUTER_SLA_MISROUTE_WINDOW", "a while")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.sla.misroute-window: must be a duration");
  }

  @Test
  void aFileWithoutTheSectionTracksNoSla() throws IOException {
    Path conf =
        Files.writeString(
            dir.resolve("old.conf"),
            Files.readString(SHIPPED).replaceAll("(?s)\\n  sla \\{.*?\\n  \\}\\n", "\n"));
    assertThat(Files.readString(conf)).doesNotContain("sla {");

    assertThat(loader.load(conf, Map.of()).sla()).isEqualTo(SlaSettings.disabled());
  }

  @Test
  void theEnvironmentOverridesHoursHolidaysAndTheNurtureQueue() {
    SlaSettings sla =
        loader
            .load(
                SHIPPED,
                Map.of(
                    "LEAD_ROUTER_SLA_HOURS", "Mon-Thu 08:00-16:00",
                    "LEAD_ROUTER_SLA_HOLIDAYS", "2026-11-26,2026-11-27",
                    "LEAD_ROUTER_SLA_TIME_ZONE", "Europe/Berlin",
                    "LEAD_ROUTER_SLA_NURTURE_QUEUE_ID", "00G000000000009AAA"))
            .sla();

    assertThat(sla.businessHours().hours().isOpen(DayOfWeek.FRIDAY, LocalTime.NOON)).isFalse();
    assertThat(sla.businessHours().holidays())
        .containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27));
    assertThat(sla.businessHours().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(sla.escalation().nurtureQueueId()).isEqualTo(Optional.of("00G000000000009AAA"));
  }

  @Test
  void everyBadSettingIsNamed() throws IOException {
    Path conf =
        confIncludingShipped(
            "lead-router.sla.tiers.hot.first-touch = soon",
            "lead-router.sla.tiers.warm.business-hours = maybe",
            "lead-router.sla.business-hours.time-zone = Mars/Olympus",
            "lead-router.sla.business-hours.hours = \"Mon-Fri 9-5\"",
            "lead-router.sla.business-hours.holidays = [christmas]",
            "lead-router.sla.escalation.nurture-queue-id = nurture",
            "lead-router.sla.untouched-statuses = []");

    assertThatThrownBy(() -> loader.load(conf, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.sla.tiers.hot.first-touch: must be a duration")
        .hasMessageContaining("lead-router.sla.tiers.warm.business-hours: must be true or false")
        .hasMessageContaining("lead-router.sla.business-hours.time-zone: must be a time zone")
        .hasMessageContaining("lead-router.sla.business-hours.hours: hours '9-5'")
        .hasMessageContaining("lead-router.sla.business-hours.holidays: 'christmas' is not a date")
        .hasMessageContaining("lead-router.sla.escalation.nurture-queue-id: must be a queue's")
        .hasMessageContaining("lead-router.sla.untouched-statuses: must name at least one");
  }

  @Test
  void aTierTableWithoutDefaultIsRejected() throws IOException {
    Path conf =
        confIncludingShipped(
            // null first: in HOCON a section set after another one merges with it
            "lead-router.sla.tiers = null",
            "lead-router.sla.tiers = { hot { first-touch = 5m, business-hours = false } }");

    assertThatThrownBy(() -> loader.load(conf, Map.of()))
        .hasMessageContaining("lead-router.sla.tiers: must have a 'default' entry");
  }

  @Test
  void notificationChannelsComeFromTheEnvironmentAndTheFileLeavesThemOff() {
    assertThat(loader.load(SHIPPED, Map.of()).sla().notices().webhookUrl()).isEmpty();
    assertThat(loader.load(SHIPPED, Map.of()).sla().notices().smtp()).isEmpty();

    NotifySettings notices =
        loader
            .load(
                SHIPPED,
                Map.of(
                    "LEAD_ROUTER_SLA_WEBHOOK_URL", "https://hooks.slack.example/services/T/B/x",
                    "LEAD_ROUTER_SLA_SMTP_HOST", "smtp.example.org",
                    "LEAD_ROUTER_SLA_SMTP_PASSWORD", "s3cret"))
            .sla()
            .notices();

    assertThat(notices.webhookUrl().orElseThrow().reveal())
        .isEqualTo("https://hooks.slack.example/services/T/B/x");
    SmtpSettings smtp = notices.smtp().orElseThrow();
    assertThat(smtp.host()).isEqualTo("smtp.example.org");
    assertThat(smtp.port()).isEqualTo(587);
    assertThat(smtp.startTls()).isTrue();
    assertThat(smtp.password().orElseThrow().reveal()).isEqualTo("s3cret");
    assertThat(notices.toString()).doesNotContain("s3cret").doesNotContain("/services/T/B/x");
  }

  private Path confIncludingShipped(String... lines) throws IOException {
    String include = "include file(\"" + SHIPPED.toAbsolutePath() + "\")";
    return Files.writeString(
        dir.resolve("application.conf"), include + "\n" + String.join("\n", lines) + "\n");
  }
}

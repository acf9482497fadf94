package dev.leadrouter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.Misroute;
import dev.leadrouter.store.Misroutes;
import dev.leadrouter.store.NewSlaClock;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.store.TouchKind;
import dev.leadrouter.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLA report from a seeded store, its figures worked out by hand in the comments. Seven leads
 * go to reps; "now" is three days after the first.
 */
class SlaReporterTest {

  private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
  private static final Instant NOW = T0.plus(Duration.ofDays(3));
  private static final String ANN = "005000000000001";
  private static final String BO = "005000000000002";
  private static final String CY = "005000000000003";
  private static final String DEE = "005000000000004";

  @TempDir Path scratch;
  private Database database;
  private SlaReport report;

  @BeforeEach
  void seed() {
    database =
        Database.open(
            new StoreSettings(
                "jdbc:h2:file:" + scratch.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL",
                Optional.empty(),
                Optional.empty(),
                2));
    SlaClocks clocks = new SlaClocks(database);
    // 1: Ann touches lead A after 2 minutes (met); 2: after 10 minutes (late).
    clocks.open(clock("00Q000000000001", 1, ANN, "emea", "Inbound", "Web", T0));
    clocks.touch("00Q000000000001", T0.plusSeconds(120), TouchKind.STATUS);
    clocks.open(clock("00Q000000000002", 2, ANN, "emea", "Inbound", "Web", T0.plusSeconds(3600)));
    clocks.touch("00Q000000000002", T0.plusSeconds(3600 + 600), TouchKind.ACTIVITY);
    // 3: Bo converts lead C 30 hours after routing: late, and no contact at 24 h.
    clocks.open(clock("00Q000000000003", 3, BO, "emea", "Inbound", "Web", T0.plusSeconds(7200)));
    clocks.touch("00Q000000000003", T0.plusSeconds(7200 + 108_000), TouchKind.CONVERTED);
    // 4: Bo never touches lead D; 40 minutes later it goes to Cy (5), who never touches it either.
    clocks.open(clock("00Q000000000004", 4, BO, "emea", "Inbound", "Web", T0.plusSeconds(10_800)));
    clocks.open(clock("00Q000000000004", 5, CY, "emea", "Inbound", "Web", T0.plusSeconds(13_200)));
    // 6: Dee touches lead E after a minute, 22 hours ago; 7: lead F came in a minute ago.
    clocks.open(clock("00Q000000000005", 6, DEE, "us", "US", null, NOW.minusSeconds(79_200)));
    clocks.touch("00Q000000000005", NOW.minusSeconds(79_200 - 60), TouchKind.STATUS);
    clocks.open(clock("00Q000000000006", 7, DEE, "us", "US", null, NOW.minusSeconds(60)));
    // People gave leads A (decision 1) and E (decision 6) other owners.
    Misroutes misroutes = new Misroutes(database);
    misroutes.record(misroute(1, "00Q000000000001", "Inbound", "emea", ANN, T0));
    misroutes.record(misroute(6, "00Q000000000005", "US", "us", DEE, NOW.minusSeconds(79_200)));
    report = new SlaReporter(clocks, misroutes, new MutableClock(NOW)).build(T0.minusSeconds(1));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void overallFiguresAreTheHandWorkedOnes() {
    SlaFigures all = report.overall();

    assertThat(all.assignments()).isEqualTo(7);
    assertThat(all.touched()).isEqualTo(4);
    // speeds 60 s, 120 s, 600 s, 30 h: nearest rank 2 of 4 and 4 of 4
    assertThat(all.medianSpeed()).contains(Duration.ofSeconds(120));
    assertThat(all.p90Speed()).contains(Duration.ofHours(30));
    // met: 1 and 6, of 1, 2, 3, 6 (touched) and 4, 5 (past due); 7 is not due yet
    assertThat(all.metPercent().orElseThrow()).isCloseTo(100.0 * 2 / 6, within(1e-9));
    // at least 24 h old: 1-5; untouched within 24 h: 3 (30 h), 4, 5
    assertThat(all.noContact24hPercent()).contains(60.0);
    // at least 48 h old: 1-5; untouched within 48 h: 4, 5
    assertThat(all.noContact48hPercent()).contains(40.0);
    // ended: 1, 2, 3, 4 (reassigned), 6; of those the rep touched 1, 2, 3, 6
    assertThat(all.acceptancePercent()).contains(80.0);
    assertThat(all.reassigned()).isEqualTo(1);
    assertThat(all.misroutes()).isEqualTo(2);
    assertThat(all.misroutePercent().orElseThrow()).isCloseTo(100.0 * 2 / 7, within(1e-9));
    assertThat(all.converted()).isEqualTo(1);
    assertThat(all.conversionPercent().orElseThrow()).isCloseTo(100.0 / 7, within(1e-9));
  }

  @Test
  void groupsByTeamRepRuleAndLeadSource() {
    SlaFigures emea = group("team", "emea");
    // speeds 120 s, 600 s, 30 h: nearest rank 2 of 3 and 3 of 3
    assertThat(emea.medianSpeed()).contains(Duration.ofSeconds(600));
    assertThat(emea.p90Speed()).contains(Duration.ofHours(30));
    assertThat(emea.metPercent()).contains(20.0);
    assertThat(emea.misroutePercent()).contains(20.0);

    SlaFigures us = group("team", "us");
    assertThat(us.metPercent()).contains(100.0);
    assertThat(us.noContact24hPercent()).as("nothing 24 h old yet").isEmpty();
    assertThat(us.misroutePercent()).contains(50.0);

    SlaFigures ann = group("rep", ANN);
    assertThat(ann.medianSpeed()).contains(Duration.ofSeconds(120));
    assertThat(ann.p90Speed()).contains(Duration.ofSeconds(600));
    assertThat(group("rule", "US").assignments()).isEqualTo(2);
    assertThat(group("lead source", "Web").assignments()).isEqualTo(5);
    assertThat(group("lead source", SlaReporter.NONE).assignments()).isEqualTo(2);
    assertThat(report.byDimension().get("team"))
        .extracting(SlaFigures::name)
        .as("most assignments first")
        .containsExactly("emea", "us");
  }

  @Test
  void filesCarryTheFiguresAndThePageNeedsNothingFromOutside() throws Exception {
    Path out = scratch.resolve("report");

    new SlaReportFiles().write(report, out);

    List<String> csv = Files.readAllLines(out.resolve(SlaReportFiles.CSV));
    assertThat(csv.get(0))
        .isEqualTo(
            "dimension,group,assignments,touched,median_speed_s,p90_speed_s,sla_met_pct,"
                + "no_contact_24h_pct,no_contact_48h_pct,acceptance_pct,reassigned,misroutes,"
                + "misroute_pct,converted,conversion_pct");
    assertThat(csv.get(1)).isEqualTo("all,all,7,4,120,108000,33.3,60.0,40.0,80.0,1,2,28.6,1,14.3");
    assertThat(csv).contains("team,us,2,1,60,60,100.0,,,100.0,0,1,50.0,0,0.0");
    assertThat(Files.readAllLines(out.resolve(SlaReportFiles.MISROUTES_CSV))).hasSize(3);
    assertThat(Files.readString(out.resolve(SlaReportFiles.JSON)))
        .contains("\"sla_met_pct\" : 33.3")
        .contains("\"lead_source\"");
    String html = Files.readString(out.resolve(SlaReportFiles.HTML));
    assertThat(html)
        .contains("<svg role=\"img\"")
        .contains("<th scope=\"row\">emea</th>")
        .contains("Acceptance</dt>")
        .contains("1d 6h")
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("href=");
  }

  private SlaFigures group(String dimension, String name) {
    return report.byDimension().get(dimension).stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static NewSlaClock clock(
      String lead,
      long decision,
      String owner,
      String team,
      String rule,
      String source,
      Instant at) {
    return new NewSlaClock(
        lead,
        decision,
        owner,
        team,
        rule,
        source,
        "hot",
        false,
        at,
        at.plus(Duration.ofMinutes(5)),
        at.plus(Duration.ofHours(48)));
  }

  private static Misroute misroute(
      long decision, String lead, String rule, String team, String owner, Instant routed) {
    return new Misroute(
        decision, lead, rule, team, owner, "005000000000009", routed, routed.plusSeconds(3600));
  }
}

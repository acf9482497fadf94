package dev.leadrouter.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.leadrouter.route.ReasonCode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a dry run as {@code report.html} (for people), {@code dry-run.csv} (one row per lead:
 * {@code lead_id, current_owner, new_owner, rule, reasons, changed}, owners as ids so the file
 * joins with other exports) and {@code summary.json}. Each file is written whole, then moved into
 * place.
 */
public final class DryRunFiles {

  public static final String HTML = "report.html";
  public static final String CSV = "dry-run.csv";
  public static final String JSON = "summary.json";

  private static final CsvSchema COLUMNS =
      CsvSchema.builder()
          .addColumn("lead_id")
          .addColumn("current_owner")
          .addColumn("new_owner")
          .addColumn("rule")
          .addColumn("reasons")
          .addColumn("changed")
          .build()
          .withHeader();

  /** Writes the three files into {@code dir}, creating it when needed. */
  public void write(DryRunReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    atomically(dir.resolve(HTML), new DryRunHtml().render(report));
    Path csvTemp = temp(dir.resolve(CSV));
    try (Writer writer = Files.newBufferedWriter(csvTemp, StandardCharsets.UTF_8);
        SequenceWriter rows = new CsvMapper().writer(COLUMNS).writeValues(writer)) {
      for (DryRunRow row : report.rows()) {
        rows.write(
            List.of(
                row.leadId(),
                row.currentOwner() == null ? "" : row.currentOwner().value(),
                row.newOwner().id().value(),
                row.rule() == null ? "" : row.rule(),
                row.reasons().stream().map(ReasonCode::name).collect(Collectors.joining(" ")),
                String.valueOf(row.changed())));
      }
    }
    move(csvTemp, dir.resolve(CSV));
    atomically(dir.resolve(JSON), json(report));
  }

  String json(DryRunReport report) throws IOException {
    DryRunSummary summary = report.summary();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", report.source());
    json.put("routed_at", report.routedAt().toString());
    json.put("rule_set_version", report.ruleSetVersion());
    json.put("leads", summary.leads());
    json.put("changed", summary.changed());
    json.put("skipped_rows", report.skippedRows());
    Map<String, Object> byRule = new LinkedHashMap<>();
    for (DryRunSummary.RuleCount rule : summary.byRule()) {
      byRule.put(rule.rule(), pair("leads", rule.leads(), "changed", rule.changed()));
    }
    json.put("by_rule", byRule);
    List<Map<String, Object>> byOwner = new ArrayList<>();
    for (DryRunSummary.OwnerCount owner : summary.byOwner()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("owner_id", owner.id().value());
      entry.put("name", owner.name());
      entry.put("type", owner.type().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("leads", owner.leads());
      entry.put("current_leads", owner.current());
      byOwner.add(entry);
    }
    json.put("by_owner", byOwner);
    Map<String, Object> byTeam = new LinkedHashMap<>();
    Map<String, Object> fairnessByTeam = new LinkedHashMap<>();
    for (DryRunSummary.TeamCount team : summary.byTeam()) {
      byTeam.put(team.team(), pair("leads", team.leads(), "members", team.members()));
      fairnessByTeam.put(
          team.team(), Double.isNaN(team.fairness()) ? null : round(team.fairness()));
    }
    json.put("by_team", byTeam);
    json.put("catch_all", summary.catchAll());
    json.put("catch_all_leads", summary.catchAllLeads());
    json.put("unused_rules", summary.unusedRules());
    Map<String, Object> fairness = new LinkedHashMap<>();
    fairness.put("index", "jain");
    fairness.put(
        "definition",
        "(sum x)^2 / (n * sum x^2) over each team's active members, x = the member's leads from the"
            + " team divided by its weight (weighted teams) or 1; 1 is perfectly even, 1/n is one"
            + " member taking all; null for a team that got no lead");
    fairness.put("by_team", fairnessByTeam);
    json.put("fairness", fairness);
    Map<String, Object> load = new LinkedHashMap<>();
    load.put("weeks", round(summary.weeks()));
    load.put("hour_0", "Monday 00:00 in the rep's time zone");
    Map<String, Object> reps = new LinkedHashMap<>();
    for (DryRunSummary.SlaLoad rep : summary.slaLoad()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", rep.name());
      entry.put("zone", rep.zone().getId());
      entry.put("peak_per_hour", round(rep.peak()));
      List<BigDecimal> perHour = new ArrayList<>(rep.perHour().length);
      for (double value : rep.perHour()) {
        perHour.add(round(value));
      }
      entry.put("per_hour_of_week", perHour);
      reps.put(rep.id().value(), entry);
    }
    load.put("reps", reps);
    json.put("sla_load", load);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
        + "\n";
  }

  private static Map<String, Object> pair(String key, Object value, String key2, Object value2) {
    Map<String, Object> pair = new LinkedHashMap<>();
    pair.put(key, value);
    pair.put(key2, value2);
    return pair;
  }

  /** Three decimals: enough to compare runs, short enough to read. */
  static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
  }

  /**
   * A sibling named after the target rather than {@code Files.createTempFile}, whose owner-only
   * permissions would carry over to the report and keep it from the people it is for.
   */
  private static Path temp(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".tmp");
  }

  private static void atomically(Path target, String content) throws IOException {
    Path temp = temp(target);
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    move(temp, target);
  }

  private static void move(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

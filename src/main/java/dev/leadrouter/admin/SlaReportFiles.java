package dev.leadrouter.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.leadrouter.store.Misroute;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an SLA report as {@code report.html}, {@code sla-report.csv} (one row per group: the
 * overall figures as dimension {@code all}, then by team, rep, rule and lead source; times in
 * seconds, rates in percent with one decimal, empty where there is nothing to divide by), {@code
 * misroutes.csv} (one row per misroute) and {@code summary.json}. Each file is written whole and
 * then moved into place.
 */
public final class SlaReportFiles {

  public static final String HTML = "report.html";
  public static final String CSV = "sla-report.csv";
  public static final String MISROUTES_CSV = "misroutes.csv";
  public static final String JSON = "summary.json";

  private static final List<String> FIGURE_COLUMNS =
      List.of(
          "assignments",
          "touched",
          "median_speed_s",
          "p90_speed_s",
          "sla_met_pct",
          "no_contact_24h_pct",
          "no_contact_48h_pct",
          "acceptance_pct",
          "reassigned",
          "misroutes",
          "misroute_pct",
          "converted",
          "conversion_pct");

  /** Writes the files into {@code dir}, creating it when needed. */
  public void write(SlaReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    atomically(dir.resolve(HTML), new SlaReportHtml().render(report));
    atomically(dir.resolve(CSV), csv(report));
    atomically(dir.resolve(MISROUTES_CSV), misroutesCsv(report));
    atomically(dir.resolve(JSON), json(report));
  }

  String csv(SlaReport report) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().addColumn("dimension").addColumn("group");
    FIGURE_COLUMNS.forEach(schema::addColumn);
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("all", report.overall()));
    for (String dimension : SlaReport.DIMENSIONS) {
      for (SlaFigures figures : report.byDimension().get(dimension)) {
        rows.add(row(dimension, figures));
      }
    }
    return new CsvMapper().writer(schema.build().withHeader()).writeValueAsString(rows);
  }

  String misroutesCsv(SlaReport report) throws IOException {
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("lead_id")
            .addColumn("decision_id")
            .addColumn("rule")
            .addColumn("team")
            .addColumn("our_owner")
            .addColumn("new_owner")
            .addColumn("routed_at")
            .addColumn("changed_at")
            .build()
            .withHeader();
    List<List<String>> rows = new ArrayList<>();
    for (Misroute misroute : report.misroutes()) {
      rows.add(
          List.of(
              misroute.leadId(),
              String.valueOf(misroute.decisionId()),
              text(misroute.rule()),
              text(misroute.team()),
              misroute.ownerId(),
              text(misroute.newOwnerId()),
              misroute.routedAt().toString(),
              misroute.changedAt().toString()));
    }
    return new CsvMapper().writer(schema).writeValueAsString(rows);
  }

  String json(SlaReport report) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("since", report.since().toString());
    json.put("generated_at", report.generatedAt().toString());
    json.put("overall", figures(report.overall()));
    Map<String, Object> groups = new LinkedHashMap<>();
    for (String dimension : SlaReport.DIMENSIONS) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (SlaFigures figures : report.byDimension().get(dimension)) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("group", figures.name());
        entry.putAll(figures(figures));
        list.add(entry);
      }
      groups.put(dimension.replace(' ', '_'), list);
    }
    json.put("by", groups);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
        + "\n";
  }

  private static Map<String, Object> figures(SlaFigures figures) {
    List<String> values = values(figures);
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < FIGURE_COLUMNS.size(); i++) {
      String value = values.get(i);
      map.put(FIGURE_COLUMNS.get(i), value.isEmpty() ? null : new BigDecimal(value));
    }
    return map;
  }

  private static List<String> row(String dimension, SlaFigures figures) {
    List<String> row = new ArrayList<>(List.of(dimension, figures.name()));
    row.addAll(values(figures));
    return row;
  }

  /** The figures in {@link #FIGURE_COLUMNS} order, as the CSV spells them. */
  private static List<String> values(SlaFigures figures) {
    return List.of(
        String.valueOf(figures.assignments()),
        String.valueOf(figures.touched()),
        seconds(figures.medianSpeed()),
        seconds(figures.p90Speed()),
        percent(figures.metPercent()),
        percent(figures.noContact24hPercent()),
        percent(figures.noContact48hPercent()),
        percent(figures.acceptancePercent()),
        String.valueOf(figures.reassigned()),
        String.valueOf(figures.misroutes()),
        percent(figures.misroutePercent()),
        String.valueOf(figures.converted()),
        percent(figures.conversionPercent()));
  }

  private static String seconds(Optional<Duration> duration) {
    return duration.map(d -> String.valueOf(d.toSeconds())).orElse("");
  }

  static String percent(Optional<Double> value) {
    return value.map(v -> ShadowReportFiles.percent(v).toPlainString()).orElse("");
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static void atomically(Path target, String content) throws IOException {
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".sla", ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

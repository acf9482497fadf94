package dev.leadrouter.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
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

/**
 * Writes a shadow report as {@code report.html} (for people), {@code shadow-report.csv} (one row
 * per lead: {@code lead_id, would_owner, actual_owner, rule, agree}) and {@code summary.json}.
 *
 * <p>In the CSV, owners are ids so the file joins with other exports; {@code agree} is {@code true}
 * or {@code false}, and empty with an empty {@code actual_owner} when the lead is no longer in the
 * org. Each file is written whole and then moved into place.
 */
public final class ShadowReportFiles {

  public static final String HTML = "report.html";
  public static final String CSV = "shadow-report.csv";
  public static final String JSON = "summary.json";

  private static final CsvSchema COLUMNS =
      CsvSchema.builder()
          .addColumn("lead_id")
          .addColumn("would_owner")
          .addColumn("actual_owner")
          .addColumn("rule")
          .addColumn("agree")
          .build()
          .withHeader();

  /** Writes the three files into {@code dir}, creating it when needed. */
  public void write(ShadowReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    atomically(dir.resolve(HTML), new ShadowReportHtml().render(report));
    atomically(dir.resolve(CSV), csv(report));
    atomically(dir.resolve(JSON), json(report));
  }

  String csv(ShadowReport report) throws IOException {
    List<List<String>> rows = new ArrayList<>(report.rows().size());
    for (ShadowComparison row : report.rows()) {
      rows.add(
          List.of(
              row.leadId(),
              row.wouldOwner().id().value(),
              row.actualOwner().map(id -> id.value()).orElse(""),
              row.rule() == null ? "" : row.rule(),
              row.agrees().map(String::valueOf).orElse("")));
    }
    return new CsvMapper().writer(COLUMNS).writeValueAsString(rows);
  }

  String json(ShadowReport report) throws IOException {
    ShadowSummary summary = report.summary();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("since", report.since().toString());
    json.put("generated_at", report.generatedAt().toString());
    json.put("decisions", summary.decisions());
    json.put("compared", summary.compared());
    json.put("agreed", summary.agreed());
    json.put("disagreed", summary.disagreed());
    json.put("not_found", summary.notFound());
    json.put("agreement_pct", percent(summary.agreementPercent()));
    json.put("by_rule", tallies(summary.byRule(), "rule"));
    json.put("by_team", tallies(summary.byTeam(), "team"));
    json.put("by_owner", tallies(summary.byOwner(), "owner"));
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
        + "\n";
  }

  private static List<Map<String, Object>> tallies(List<Tally> tallies, String key) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Tally tally : tallies) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(key, tally.name());
      entry.put("compared", tally.compared());
      entry.put("disagreements", tally.disagreements());
      entry.put("agreement_pct", percent(tally.agreementPercent()));
      list.add(entry);
    }
    return list;
  }

  /** One decimal, as people quote agreement rates. */
  static BigDecimal percent(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }

  private static void atomically(Path target, String content) throws IOException {
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".shadow", ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

package dev.leadrouter.admin;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import dev.leadrouter.admin.HtmlReport.Bar;
import dev.leadrouter.store.Misroute;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SLA report as one self-contained HTML page, built like the shadow report (its styles and
 * chart pieces): inline SVG charts with a title each, and every figure in a table too.
 */
final class SlaReportHtml {

  /** Bars per chart at most; the table below each chart has every row. */

  /** Misroutes listed on the page at most; the CSV has them all. */
  static final int MAX_LISTED = 500;

  private static final String SPEED = "#1f5f99";
  private static final String MISROUTE = "#b3261e";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A bar: its label, its length and the text written after it. */
  String render(SlaReport report) {
    StringBuilder html = new StringBuilder(32_768);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Lead Router SLA report</title>\n<style>")
        .append(HtmlReport.STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n")
        .append("<h1>Speed to lead and SLA report</h1>\n<p class=\"period\">Leads given to reps")
        .append(" from ")
        .append(WHEN.format(report.since()))
        .append(" to ")
        .append(WHEN.format(report.generatedAt()))
        .append(".</p>\n");
    cards(html, report.overall());
    definitions(html);
    for (String dimension : SlaReport.DIMENSIONS) {
      dimension(html, dimension, report.byDimension().get(dimension));
    }
    misroutes(html, report);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void cards(StringBuilder html, SlaFigures all) {
    html.append("<h2>Summary</h2>\n<ul class=\"cards\">\n");
    card(html, "Assignments", String.valueOf(all.assignments()));
    card(html, "Median speed to lead", duration(all.medianSpeed()));
    card(html, "90th percentile", duration(all.p90Speed()));
    card(html, "SLA met", percent(all.metPercent()));
    card(html, "No contact at 24 h", percent(all.noContact24hPercent()));
    card(html, "No contact at 48 h", percent(all.noContact48hPercent()));
    card(html, "Acceptance", percent(all.acceptancePercent()));
    card(html, "Reassigned", String.valueOf(all.reassigned()));
    card(html, "Misroute rate", percent(all.misroutePercent()));
    card(html, "Conversion", percent(all.conversionPercent()));
    html.append("</ul>\n");
  }

  private static void definitions(StringBuilder html) {
    html.append("<h2 id=\"definitions\">What the figures mean</h2>\n<dl>\n");
    define(html, "Assignment", "a lead given to a rep in the period (one SLA clock).");
    define(
        html,
        "Speed to lead",
        "routing to the rep's first touch (status change, logged activity, completed follow-up"
            + " task or conversion), in wall-clock time; median and 90th percentile by nearest"
            + " rank, of the touched assignments.");
    define(
        html,
        "SLA met",
        "touched by the due time, of the assignments that were touched or are past due.");
    define(
        html,
        "No contact at 24 h / 48 h",
        "not touched within 24 (48) hours of routing, of the assignments at least that old.");
    define(
        html,
        "Acceptance",
        "the rep touched the lead at all while it was theirs, of the assignments that ended"
            + " (touched, reassigned by the SLA ladder, recycled, or given to someone else).");
    define(html, "Reassigned", "taken from the rep untouched by the SLA ladder (SLA_REASSIGN).");
    define(
        html,
        "Misroute rate",
        "assignments whose owner a person changed within the misroute window after routing, of"
            + " all assignments: the rule that placed them probably chose wrong.");
    define(
        html,
        "Conversion",
        "assignments whose first touch was converting the lead, of all assignments (the store"
            + " sees conversions only when they are the first touch, so this is a lower bound).");
    html.append("</dl>\n");
  }

  private static void define(StringBuilder html, String term, String meaning) {
    html.append("<dt>")
        .append(escapeHtml4(term))
        .append("</dt><dd>")
        .append(escapeHtml4(meaning))
        .append("</dd>\n");
  }

  private static void card(StringBuilder html, String label, String value) {
    html.append("<li><strong>")
        .append(escapeHtml4(value))
        .append("</strong>")
        .append(escapeHtml4(label))
        .append("</li>\n");
  }

  private static void dimension(StringBuilder html, String dimension, List<SlaFigures> groups) {
    String id = dimension.replace(' ', '-');
    String title = "By " + dimension;
    html.append("<h2 id=\"by-")
        .append(id)
        .append("\">")
        .append(escapeHtml4(title))
        .append("</h2>\n");
    if (groups.isEmpty()) {
      html.append("<p>No assignment in the period.</p>\n");
      return;
    }
    chart(
        html,
        "speed-" + id,
        "Median speed to lead by " + dimension + " (90th percentile after the bar)",
        groups.stream()
            .filter(g -> g.medianSpeed().isPresent())
            .map(
                g ->
                    new Bar(
                        g.name(),
                        g.medianSpeed().orElseThrow().toSeconds(),
                        duration(g.medianSpeed()) + " (p90 " + duration(g.p90Speed()) + ")"))
            .toList(),
        SPEED);
    chart(
        html,
        "misroute-" + id,
        "Misroute rate by " + dimension,
        groups.stream()
            .map(
                g ->
                    new Bar(
                        g.name(),
                        g.misroutePercent().orElse(0.0),
                        percent(g.misroutePercent())
                            + " ("
                            + g.misroutes()
                            + " of "
                            + g.assignments()
                            + ")"))
            .toList(),
        MISROUTE);
    table(html, title, dimension, groups);
  }

  private static void chart(
      StringBuilder html, String id, String title, List<Bar> bars, String colour) {
    if (!bars.isEmpty()) {
      HtmlReport.barChart(html, "chart-" + id, title, bars, colour);
    }
  }

  private static void table(
      StringBuilder html, String title, String dimension, List<SlaFigures> groups) {
    html.append("<table>\n<caption>")
        .append(escapeHtml4(title))
        .append("</caption>\n<thead><tr><th scope=\"col\">")
        .append(escapeHtml4(dimension.substring(0, 1).toUpperCase(Locale.ROOT)))
        .append(escapeHtml4(dimension.substring(1)))
        .append("</th>");
    for (String column :
        List.of(
            "Assignments",
            "Median",
            "p90",
            "SLA met",
            "No contact 24 h",
            "No contact 48 h",
            "Acceptance",
            "Reassigned",
            "Misroutes",
            "Misroute rate",
            "Conversion")) {
      html.append("<th scope=\"col\" class=\"n\">").append(column).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    List<Function<SlaFigures, String>> cells =
        List.of(
            g -> String.valueOf(g.assignments()),
            g -> duration(g.medianSpeed()),
            g -> duration(g.p90Speed()),
            g -> percent(g.metPercent()),
            g -> percent(g.noContact24hPercent()),
            g -> percent(g.noContact48hPercent()),
            g -> percent(g.acceptancePercent()),
            g -> String.valueOf(g.reassigned()),
            g -> String.valueOf(g.misroutes()),
            g -> percent(g.misroutePercent()),
            g -> percent(g.conversionPercent()));
    for (SlaFigures group : groups) {
      html.append("<tr><th scope=\"row\">").append(escapeHtml4(group.name())).append("</th>");
      for (Function<SlaFigures, String> cell : cells) {
        html.append("<td class=\"n\">").append(escapeHtml4(cell.apply(group))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void misroutes(StringBuilder html, SlaReport report) {
    html.append("<h2 id=\"misroutes\">Misroutes</h2>\n");
    List<Misroute> all = report.misroutes();
    if (all.isEmpty()) {
      html.append(
          "<p>None: nobody gave a lead routed in the period another owner soon after.</p>\n");
      return;
    }
    if (all.size() > MAX_LISTED) {
      html.append("<p class=\"note\">The first ")
          .append(MAX_LISTED)
          .append(" of ")
          .append(all.size())
          .append(" are listed; ")
          .append(SlaReportFiles.MISROUTES_CSV)
          .append(" has them all.</p>\n");
    }
    html.append("<table>\n<caption>Leads a person gave another owner soon after routing</caption>")
        .append("\n<thead><tr><th scope=\"col\">Lead</th><th scope=\"col\">Rule</th>")
        .append("<th scope=\"col\">Team</th><th scope=\"col\">Our owner</th>")
        .append("<th scope=\"col\">New owner</th><th scope=\"col\">Routed</th>")
        .append("<th scope=\"col\" class=\"n\">Kept</th></tr></thead>\n<tbody>\n");
    for (Misroute misroute : all.subList(0, Math.min(MAX_LISTED, all.size()))) {
      html.append("<tr><th scope=\"row\">")
          .append(escapeHtml4(misroute.leadId()))
          .append("</th><td>")
          .append(escapeHtml4(orNone(misroute.rule())))
          .append("</td><td>")
          .append(escapeHtml4(orNone(misroute.team())))
          .append("</td><td>")
          .append(escapeHtml4(misroute.ownerId()))
          .append("</td><td>")
          .append(escapeHtml4(orNone(misroute.newOwnerId())))
          .append("</td><td>")
          .append(WHEN.format(misroute.routedAt()))
          .append("</td><td class=\"n\">")
          .append(duration(Optional.of(misroute.kept())))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static String orNone(String text) {
    return text == null ? SlaReporter.NONE : text;
  }

  private static String percent(Optional<Double> value) {
    return value.map(v -> SlaReportFiles.percent(value) + "%").orElse("n/a");
  }

  /** Short and readable: 42s, 4m 05s, 3h 20m, 2d 4h. */
  static String duration(Optional<Duration> value) {
    if (value.isEmpty()) {
      return "n/a";
    }
    Duration d = value.get();
    if (d.toDays() > 0) {
      return String.format(Locale.ROOT, "%dd %dh", d.toDays(), d.toHoursPart());
    }
    if (d.toHours() > 0) {
      return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
    }
    if (d.toMinutes() > 0) {
      return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }
    return d.toSeconds() + "s";
  }
}

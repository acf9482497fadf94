package dev.leadrouter.admin;

import static dev.leadrouter.admin.HtmlReport.card;
import static dev.leadrouter.admin.HtmlReport.rect;
import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import dev.leadrouter.admin.HtmlReport.Bar;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The dry run as one self-contained HTML page (inline styles and SVG, no scripts, nothing fetched).
 * Each chart has a text title and its figures again in a table.
 */
final class DryRunHtml {

  /** Changed leads listed on the page at most; the CSV has them all. */
  static final int MAX_LISTED = 500;

  /** Reps whose weekly load is drawn; the JSON has every rep. */
  static final int MAX_HEATMAPS = 12;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String BAR = "#2f5d9e";
  private static final String CHANGED = "#b3261e";

  String render(DryRunReport report) {
    DryRunSummary summary = report.summary();
    StringBuilder html = new StringBuilder(32_768);
    HtmlReport.open(html, "Lead Router dry run");
    html.append("<h1>Dry run of rule set ")
        .append(escapeHtml4(report.ruleSetVersion()))
        .append("</h1>\n<p class=\"period\">")
        .append(escapeHtml4(report.source()))
        .append(", routed as of ")
        .append(WHEN.format(report.routedAt()))
        .append(" with fresh rotation state. Nothing was written to Salesforce.</p>\n");
    html.append("<h2>Summary</h2>\n<ul class=\"cards\">\n");
    card(html, "Leads", String.valueOf(summary.leads()));
    card(html, "Would change owner", String.valueOf(summary.changed()));
    card(
        html,
        "Changed share",
        summary.leads() == 0
            ? "n/a"
            : String.format(Locale.ROOT, "%.1f%%", 100.0 * summary.changed() / summary.leads()));
    card(html, "To the catch-all", String.valueOf(summary.catchAll()));
    card(html, "Rules never hit", String.valueOf(summary.unusedRules().size()));
    card(html, "Rows skipped", String.valueOf(report.skippedRows()));
    html.append("</ul>\n");
    if (report.skippedRows() > 0) {
      html.append("<p class=\"note\">Skipped rows were reported with their line numbers when the")
          .append(" run started.</p>\n");
    }
    byRule(html, summary);
    byOwner(html, report);
    byTeam(html, summary);
    unused(html, summary);
    catchAll(html, summary);
    load(html, summary);
    changed(html, report);
    HtmlReport.close(html);
    return html.toString();
  }

  private static void byRule(StringBuilder html, DryRunSummary summary) {
    html.append("<h2 id=\"by-rule\">Leads by rule</h2>\n");
    List<Bar> bars =
        summary.byRule().stream()
            .map(r -> new Bar(r.rule(), r.leads(), r.leads() + " (" + r.changed() + " change)"))
            .toList();
    HtmlReport.barChart(html, "chart-rule", "Leads each rule decides", bars, BAR);
    html.append("<table>\n<caption>Leads by rule, in rule order</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Rule</th><th scope=\"col\" class=\"n\">Leads</th>")
        .append("<th scope=\"col\" class=\"n\">Would change owner</th></tr></thead>\n<tbody>\n");
    for (DryRunSummary.RuleCount rule : summary.byRule()) {
      row(html, rule.rule(), rule.leads(), rule.changed());
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void byOwner(StringBuilder html, DryRunReport report) {
    DryRunSummary summary = report.summary();
    html.append("<h2 id=\"by-owner\">Leads by owner</h2>\n");
    List<Bar> bars =
        summary.byOwner().stream()
            .map(o -> new Bar(o.name(), o.leads(), o.leads() + " (has " + o.current() + " now)"))
            .toList();
    HtmlReport.barChart(
        html, "chart-owner", "Leads each owner would get under the rules", bars, BAR);
    html.append("<table>\n<caption>Leads by owner: under the rules and now</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Owner</th><th scope=\"col\">Type</th>")
        .append("<th scope=\"col\" class=\"n\">Would get</th>")
        .append("<th scope=\"col\" class=\"n\">Has now</th></tr></thead>\n<tbody>\n");
    for (DryRunSummary.OwnerCount owner : summary.byOwner()) {
      html.append("<tr><th scope=\"row\">")
          .append(escapeHtml4(owner.name()))
          .append("</th><td>")
          .append(owner.type().name().toLowerCase(Locale.ROOT))
          .append("</td><td class=\"n\">")
          .append(owner.leads())
          .append("</td><td class=\"n\">")
          .append(owner.current())
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void byTeam(StringBuilder html, DryRunSummary summary) {
    html.append("<h2 id=\"by-team\">Teams and fairness</h2>\n<p class=\"note\">Fairness is")
        .append(" Jain's index over the leads each active member got from the team (divided by")
        .append(" the member's weight in weighted teams): 1.000 is perfectly even, 1/n means one")
        .append(" of n members got everything.</p>\n");
    if (summary.byTeam().isEmpty()) {
      html.append("<p>The rule set has no teams.</p>\n");
      return;
    }
    html.append("<table>\n<caption>Leads and fairness per team</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Team</th><th scope=\"col\">Strategy</th>")
        .append("<th scope=\"col\" class=\"n\">Active members</th>")
        .append("<th scope=\"col\" class=\"n\">Leads</th>")
        .append("<th scope=\"col\" class=\"n\">Fairness</th></tr></thead>\n<tbody>\n");
    for (DryRunSummary.TeamCount team : summary.byTeam()) {
      html.append("<tr><th scope=\"row\">")
          .append(escapeHtml4(team.team()))
          .append("</th><td>")
          .append(team.strategy().name().toLowerCase(Locale.ROOT))
          .append("</td><td class=\"n\">")
          .append(team.members())
          .append("</td><td class=\"n\">")
          .append(team.leads())
          .append("</td><td class=\"n\">")
          .append(
              Double.isNaN(team.fairness())
                  ? "n/a"
                  : String.format(Locale.ROOT, "%.3f", team.fairness()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void unused(StringBuilder html, DryRunSummary summary) {
    html.append("<h2 id=\"unused\">Rules never hit</h2>\n");
    if (summary.unusedRules().isEmpty()) {
      html.append("<p>Every rule decided at least one lead.</p>\n");
      return;
    }
    html.append("<ul>\n");
    for (String rule : summary.unusedRules()) {
      html.append("<li>").append(escapeHtml4(rule)).append("</li>\n");
    }
    html.append("</ul>\n");
  }

  private static void catchAll(StringBuilder html, DryRunSummary summary) {
    html.append("<h2 id=\"catch-all\">Leads that fell to the catch-all</h2>\n");
    if (summary.catchAll() == 0) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<p>")
        .append(summary.catchAll())
        .append(" leads; ")
        .append(summary.catchAllLeads().size() < summary.catchAll() ? "the first " : "")
        .append(summary.catchAllLeads().size())
        .append(" listed: ")
        .append(escapeHtml4(String.join(", ", summary.catchAllLeads())))
        .append("</p>\n");
  }

  /** A 7 × 24 grid per rep, darker for more leads, each cell titled with its figure. */
  private static void load(StringBuilder html, DryRunSummary summary) {
    html.append("<h2 id=\"sla-load\">Expected follow-up load per rep and hour of the week</h2>\n")
        .append("<p class=\"note\">New leads per hour that start a follow-up clock, averaged over ")
        .append(String.format(Locale.ROOT, "%.1f", summary.weeks()))
        .append(" week(s) of creation dates, in each rep's own time zone.</p>\n");
    if (summary.slaLoad().isEmpty()) {
      html.append("<p>No lead with a creation date went to a rep.</p>\n");
      return;
    }
    double most =
        summary.slaLoad().stream().mapToDouble(DryRunSummary.SlaLoad::peak).max().orElse(1);
    List<DryRunSummary.SlaLoad> shown =
        summary.slaLoad().subList(0, Math.min(MAX_HEATMAPS, summary.slaLoad().size()));
    int cell = 18;
    for (int r = 0; r < shown.size(); r++) {
      DryRunSummary.SlaLoad rep = shown.get(r);
      String id = "load-" + r;
      String text =
          String.format(
              Locale.ROOT,
              "%s (%s): %.1f leads a week, at most %.2f in one hour",
              rep.name(),
              rep.zone().getId(),
              rep.total(),
              rep.peak());
      html.append("<figure>\n<svg role=\"img\" aria-labelledby=\"")
          .append(id)
          .append("\" width=\"100%\" viewBox=\"0 0 ")
          .append(40 + 24 * cell)
          .append(' ')
          .append(20 + 7 * cell)
          .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"")
          .append(id)
          .append("\">")
          .append(escapeHtml4(text))
          .append("</title>\n");
      for (int hour = 0; hour < 24; hour += 6) {
        html.append("<text x=\"")
            .append(40 + hour * cell)
            .append("\" y=\"12\">")
            .append(String.format(Locale.ROOT, "%02d:00", hour))
            .append("</text>\n");
      }
      for (int day = 0; day < 7; day++) {
        String dayName = DayOfWeek.of(day + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        html.append("<text x=\"0\" y=\"")
            .append(20 + day * cell + 13)
            .append("\">")
            .append(dayName)
            .append("</text>\n");
        for (int hour = 0; hour < 24; hour++) {
          double value = rep.perHour()[day * 24 + hour];
          int shade = (int) Math.round(235 - 200 * value / Math.max(1e-9, most));
          html.append("<g><title>")
              .append(dayName)
              .append(String.format(Locale.ROOT, " %02d:00: %.2f", hour, value))
              .append("</title>")
              .append(
                  rect(
                      40 + hour * cell,
                      20 + day * cell,
                      cell - 1,
                      cell - 1,
                      value == 0
                          ? "#f2f2f2"
                          : String.format(Locale.ROOT, "rgb(%d,%d,255)", shade, shade)))
              .append("</g>\n");
        }
      }
      html.append("</svg>\n<figcaption>")
          .append(escapeHtml4(text))
          .append("</figcaption>\n</figure>\n");
    }
    html.append("<table>\n<caption>Weekly follow-up load per rep</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Rep</th><th scope=\"col\">Time zone</th>")
        .append("<th scope=\"col\" class=\"n\">Leads per week</th>")
        .append("<th scope=\"col\" class=\"n\">Busiest hour</th></tr></thead>\n<tbody>\n");
    for (DryRunSummary.SlaLoad rep : summary.slaLoad()) {
      html.append("<tr><th scope=\"row\">")
          .append(escapeHtml4(rep.name()))
          .append("</th><td>")
          .append(escapeHtml4(rep.zone().getId()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.1f", rep.total()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f", rep.peak()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void changed(StringBuilder html, DryRunReport report) {
    List<DryRunRow> changed = report.rows().stream().filter(DryRunRow::changed).toList();
    html.append("<h2 id=\"changed\">Leads that would change owner</h2>\n");
    if (changed.isEmpty()) {
      html.append("<p>None: every lead keeps its owner.</p>\n");
      return;
    }
    if (changed.size() > MAX_LISTED) {
      html.append("<p class=\"note\">The first ")
          .append(MAX_LISTED)
          .append(" of ")
          .append(changed.size())
          .append(" are listed; ")
          .append(DryRunFiles.CSV)
          .append(" has every lead.</p>\n");
    }
    html.append("<table>\n<caption>Leads whose owner would change</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Lead</th><th scope=\"col\">Has now</th>")
        .append("<th scope=\"col\">Would get</th><th scope=\"col\">Rule</th></tr></thead>\n")
        .append("<tbody>\n");
    for (DryRunRow row : changed.subList(0, Math.min(MAX_LISTED, changed.size()))) {
      html.append("<tr><th scope=\"row\">")
          .append(escapeHtml4(row.leadId()))
          .append("</th><td>")
          .append(escapeHtml4(report.ownerName(row.currentOwner())))
          .append("</td><td>")
          .append(escapeHtml4(row.newOwner().name()))
          .append("</td><td>")
          .append(escapeHtml4(row.ruleLabel()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void row(StringBuilder html, String name, int first, int second) {
    html.append("<tr><th scope=\"row\">")
        .append(escapeHtml4(name))
        .append("</th><td class=\"n\">")
        .append(first)
        .append("</td><td class=\"n\">")
        .append(second)
        .append("</td></tr>\n");
  }
}

package dev.leadrouter.admin;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The shadow report as one self-contained HTML page: styles inline, charts as inline SVG, no
 * scripts and nothing fetched, so it can be mailed or opened offline. Every chart has a text
 * alternative and the same figures in a table, so screen readers and printouts lose nothing.
 */
final class ShadowReportHtml {

  /** Disagreements listed on the page at most; the CSV has them all. */
  static final int MAX_LISTED = 2000;

  /** Bars per chart at most; the table below each chart has every row. */
  private static final int MAX_BARS = 15;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
        max-width:60rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
      h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem}
      .period{color:#4a4a4a;margin-top:0}
      .cards{display:flex;flex-wrap:wrap;gap:1rem;padding:0;list-style:none}
      .cards li{border:1px solid #c8c8c8;border-radius:.4rem;padding:.6rem 1rem;min-width:8rem}
      .cards strong{display:block;font-size:1.5rem}
      table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
      caption{text-align:left;font-weight:600;padding:.3rem 0}
      th,td{border-bottom:1px solid #d6d6d6;padding:.3rem .5rem;text-align:left}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
      svg text{font-size:12px;fill:#1b1b1b}
      .note{color:#4a4a4a;font-size:.9rem}
      """;

  private static final String AGREE = "#1a7f37";
  private static final String DISAGREE = "#b3261e";

  String render(ShadowReport report) {
    ShadowSummary summary = report.summary();
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Lead Router shadow report</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n")
        .append("<h1>Shadow routing report</h1>\n<p class=\"period\">Shadow decisions from ")
        .append(WHEN.format(report.since()))
        .append(" to ")
        .append(WHEN.format(report.generatedAt()))
        .append(", compared with the owner each lead has in Salesforce now.</p>\n");
    cards(html, summary);
    agreementBar(html, summary);
    breakdown(html, "rule", "Disagreements by rule", summary.byRule());
    breakdown(html, "team", "Disagreements by team", summary.byTeam());
    breakdown(html, "owner", "Disagreements by would-be owner", summary.byOwner());
    disagreements(html, report);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void cards(StringBuilder html, ShadowSummary summary) {
    html.append("<h2>Summary</h2>\n<ul class=\"cards\">\n");
    card(html, "Agreement", summary.compared() == 0 ? "n/a" : percent(summary.agreementPercent()));
    card(html, "Compared", String.valueOf(summary.compared()));
    card(html, "Agreed", String.valueOf(summary.agreed()));
    card(html, "Disagreed", String.valueOf(summary.disagreed()));
    card(html, "Not in the org", String.valueOf(summary.notFound()));
    html.append("</ul>\n");
    if (summary.notFound() > 0) {
      html.append("<p class=\"note\">Leads no longer in the org (deleted or merged) are left out")
          .append(" of the agreement figures.</p>\n");
    }
  }

  private static void card(StringBuilder html, String label, String value) {
    html.append("<li><strong>")
        .append(escapeHtml4(value))
        .append("</strong>")
        .append(escapeHtml4(label))
        .append("</li>\n");
  }

  /** One stacked bar: agreed and disagreed, each labelled with its count, not only its colour. */
  private static void agreementBar(StringBuilder html, ShadowSummary summary) {
    if (summary.compared() == 0) {
      html.append("<p>No shadow decision in the period could be compared.</p>\n");
      return;
    }
    int width = 600;
    int agreedWidth =
        summary.compared() == 0
            ? width
            : Math.round(width * summary.agreed() / (float) summary.compared());
    String text =
        summary.agreed()
            + " of "
            + summary.compared()
            + " compared decisions agreed ("
            + percent(summary.agreementPercent())
            + ")";
    html.append("<figure>\n<svg role=\"img\" aria-labelledby=\"agree-title\" width=\"100%\"")
        .append(" viewBox=\"0 0 640 56\" xmlns=\"http://www.w3.org/2000/svg\">\n")
        .append("<title id=\"agree-title\">")
        .append(escapeHtml4(text))
        .append("</title>\n")
        .append(rect(0, 4, agreedWidth, 28, AGREE))
        .append(rect(agreedWidth, 4, width - agreedWidth, 28, DISAGREE))
        .append("<text x=\"0\" y=\"48\">Agreed: ")
        .append(summary.agreed())
        .append("</text>\n<text x=\"")
        .append(width)
        .append("\" y=\"48\" text-anchor=\"end\">Disagreed: ")
        .append(summary.disagreed())
        .append("</text>\n</svg>\n<figcaption>")
        .append(escapeHtml4(text))
        .append("</figcaption>\n</figure>\n");
  }

  private static void breakdown(StringBuilder html, String key, String title, List<Tally> tallies) {
    html.append("<h2 id=\"by-")
        .append(key)
        .append("\">")
        .append(escapeHtml4(title))
        .append("</h2>\n");
    if (tallies.isEmpty()) {
      html.append("<p>Nothing to compare.</p>\n");
      return;
    }
    List<Tally> shown = tallies.subList(0, Math.min(MAX_BARS, tallies.size()));
    int most = Math.max(1, shown.stream().mapToInt(Tally::disagreements).max().orElse(1));
    int rowHeight = 26;
    int labelWidth = 220;
    int barSpace = 320; // leaves room for the count after the longest bar
    html.append("<figure>\n<svg role=\"img\" aria-labelledby=\"chart-")
        .append(key)
        .append("\" width=\"100%\" viewBox=\"0 0 640 ")
        .append(shown.size() * rowHeight + 4)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"chart-")
        .append(key)
        .append("\">")
        .append(escapeHtml4(title + ": bar length is the number of disagreements"))
        .append("</title>\n");
    for (int i = 0; i < shown.size(); i++) {
      Tally tally = shown.get(i);
      int y = i * rowHeight + 4;
      int length = Math.round(barSpace * tally.disagreements() / (float) most);
      html.append("<g><title>")
          .append(
              escapeHtml4(tally.name() + ": " + tally.disagreements() + " of " + tally.compared()))
          .append("</title>\n<text x=\"")
          .append(labelWidth - 8)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" text-anchor=\"end\">")
          .append(escapeHtml4(shorten(tally.name(), 32)))
          .append("</text>\n")
          .append(rect(labelWidth, y, length, 20, DISAGREE))
          .append("<text x=\"")
          .append(labelWidth + length + 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(tally.disagreements())
          .append(" of ")
          .append(tally.compared())
          .append("</text>\n</g>\n");
    }
    html.append("</svg>\n");
    if (shown.size() < tallies.size()) {
      html.append("<figcaption>The ")
          .append(MAX_BARS)
          .append(" with most disagreements; the table lists all.</figcaption>\n");
    }
    html.append("</figure>\n<table>\n<caption>")
        .append(escapeHtml4(title))
        .append("</caption>\n<thead><tr><th scope=\"col\">")
        .append(escapeHtml4(key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1)))
        .append("</th><th scope=\"col\" class=\"n\">Compared</th>")
        .append("<th scope=\"col\" class=\"n\">Disagreements</th>")
        .append("<th scope=\"col\" class=\"n\">Agreement</th></tr></thead>\n<tbody>\n");
    for (Tally tally : tallies) {
      html.append("<tr><th scope=\"row\">")
          .append(escapeHtml4(tally.name()))
          .append("</th><td class=\"n\">")
          .append(tally.compared())
          .append("</td><td class=\"n\">")
          .append(tally.disagreements())
          .append("</td><td class=\"n\">")
          .append(percent(tally.agreementPercent()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void disagreements(StringBuilder html, ShadowReport report) {
    List<ShadowComparison> disagreeing =
        report.rows().stream().filter(row -> row.agrees().orElse(true) == Boolean.FALSE).toList();
    html.append("<h2 id=\"disagreements\">Disagreements</h2>\n");
    if (disagreeing.isEmpty()) {
      html.append("<p>None: every compared lead has the owner Lead Router would have given.</p>\n");
      return;
    }
    if (disagreeing.size() > MAX_LISTED) {
      html.append("<p class=\"note\">The first ")
          .append(MAX_LISTED)
          .append(" of ")
          .append(disagreeing.size())
          .append(" are listed; ")
          .append(ShadowReportFiles.CSV)
          .append(" has them all.</p>\n");
    }
    html.append("<table>\n<caption>Leads whose owner in Salesforce differs from the shadow")
        .append(" decision</caption>\n<thead><tr><th scope=\"col\">Lead</th>")
        .append("<th scope=\"col\">Rule</th><th scope=\"col\">Team</th>")
        .append("<th scope=\"col\">Would have gone to</th><th scope=\"col\">Has now</th>")
        .append("<th scope=\"col\">Decided</th></tr></thead>\n<tbody>\n");
    for (ShadowComparison row : disagreeing.subList(0, Math.min(MAX_LISTED, disagreeing.size()))) {
      html.append("<tr><th scope=\"row\">")
          .append(escapeHtml4(row.leadId()))
          .append("</th><td>")
          .append(escapeHtml4(row.ruleLabel()))
          .append("</td><td>")
          .append(escapeHtml4(row.teamLabel()))
          .append("</td><td>")
          .append(escapeHtml4(ShadowReport.name(row.wouldOwner())))
          .append("</td><td>")
          .append(escapeHtml4(report.actualOwnerName(row.actualOwner().orElseThrow())))
          .append("</td><td>")
          .append(WHEN.format(row.decidedAt()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  static String rect(int x, int y, int width, int height, String fill) {
    return "<rect x=\""
        + x
        + "\" y=\""
        + y
        + "\" width=\""
        + Math.max(0, width)
        + "\" height=\""
        + height
        + "\" fill=\""
        + fill
        + "\"/>\n";
  }

  private static String percent(double value) {
    return ShadowReportFiles.percent(value).toPlainString() + "%";
  }

  static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}

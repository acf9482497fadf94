package dev.leadrouter.admin;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;

/**
 * Pieces shared by the self-contained HTML reports (shadow report, dry run): one inline style
 * sheet, summary cards and horizontal bar charts as inline SVG. Every chart carries a title for
 * screen readers, and the reports put the same figures in a table beside it.
 */
final class HtmlReport {

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

  /** Bars per chart at most; the table beside each chart has every row. */
  static final int MAX_BARS = 15;

  /** One bar: its label, its length in units of the chart, and the text printed after it. */
  record Bar(String label, double value, String text) {}

  private HtmlReport() {}

  /** Opens the page: doctype, language, title, the style sheet, and {@code <main>}. */
  static void open(StringBuilder html, String title) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escapeHtml4(title))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n");
  }

  static void close(StringBuilder html) {
    html.append("</main>\n</body>\n</html>\n");
  }

  static void card(StringBuilder html, String label, String value) {
    html.append("<li><strong>")
        .append(escapeHtml4(value))
        .append("</strong>")
        .append(escapeHtml4(label))
        .append("</li>\n");
  }

  /**
   * A horizontal bar chart of at most {@link #MAX_BARS} bars, each labelled with its text, not only
   * its length or colour.
   */
  static void barChart(StringBuilder html, String id, String title, List<Bar> bars, String fill) {
    List<Bar> shown = bars.subList(0, Math.min(MAX_BARS, bars.size()));
    double most = Math.max(1e-9, shown.stream().mapToDouble(Bar::value).max().orElse(1));
    int rowHeight = 26;
    int labelWidth = 220;
    int barSpace = 320; // leaves room for the text after the longest bar
    html.append("<figure>\n<svg role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("\" width=\"100%\" viewBox=\"0 0 640 ")
        .append(shown.size() * rowHeight + 4)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"")
        .append(id)
        .append("\">")
        .append(escapeHtml4(title))
        .append("</title>\n");
    for (int i = 0; i < shown.size(); i++) {
      Bar bar = shown.get(i);
      int y = i * rowHeight + 4;
      int length = (int) Math.round(barSpace * bar.value() / most);
      html.append("<g><title>")
          .append(escapeHtml4(bar.label() + ": " + bar.text()))
          .append("</title>\n<text x=\"")
          .append(labelWidth - 8)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" text-anchor=\"end\">")
          .append(escapeHtml4(shorten(bar.label(), 32)))
          .append("</text>\n")
          .append(rect(labelWidth, y, length, 20, fill))
          .append("<text x=\"")
          .append(labelWidth + length + 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(escapeHtml4(bar.text()))
          .append("</text>\n</g>\n");
    }
    html.append("</svg>\n");
    if (shown.size() < bars.size()) {
      html.append("<figcaption>The first ")
          .append(MAX_BARS)
          .append("; the table lists all.</figcaption>\n");
    }
    html.append("</figure>\n");
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

  static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}

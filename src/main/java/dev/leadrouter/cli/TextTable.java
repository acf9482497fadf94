package dev.leadrouter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns sized to their content, for terminal output. */
final class TextTable {

  private static final int WIDEST_CELL = 120;

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  void add(String... cells) {
    List<String> row = new ArrayList<>(cells.length);
    for (String cell : cells) {
      String text = cell == null ? "" : cell.replace('\n', ' ');
      row.add(text.length() > WIDEST_CELL ? text.substring(0, WIDEST_CELL - 1) + "…" : text);
    }
    rows.add(row);
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
      }
    }
    printRow(out, headers, widths);
    StringBuilder rule = new StringBuilder();
    for (int width : widths) {
      rule.append("-".repeat(width)).append("  ");
    }
    out.println(rule.toString().stripTrailing());
    rows.forEach(row -> printRow(out, row, widths));
    out.flush();
  }

  private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
    }
    out.println(line.toString().stripTrailing());
  }
}

package dev.leadrouter.cli;

import java.io.PrintWriter;

/** A one-line progress bar on standard error, so standard output stays clean for JSON. */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String unit;
  private final long total;
  private int lastPercent = -1;

  ProgressBar(PrintWriter err, String unit, long total) {
    this.err = err;
    this.unit = unit;
    this.total = Math.max(1, total);
  }

  void update(long done) {
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    int filled = percent * WIDTH / 100;
    err.printf(
        "\r[%s%s] %3d%% %,d/%,d %s",
        "#".repeat(filled), " ".repeat(WIDTH - filled), percent, done, total, unit);
    err.flush();
  }

  void done() {
    update(total);
    err.println();
    err.flush();
  }
}

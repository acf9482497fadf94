package dev.leadrouter.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's live progress on standard error: on a terminal one line redrawn in place (a bar,
 * created, routed, speed to lead, leads per team); otherwise a plain line every five seconds, so a
 * log file stays readable.
 */
final class DemoProgress {

  private static final int WIDTH = 24;
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final int total;
  private long lastPlain = Long.MIN_VALUE;
  private String last = "";

  DemoProgress(PrintWriter err, boolean terminal, int total) {
    this.err = err;
    this.terminal = terminal;
    this.total = Math.max(1, total);
  }

  void show(long created, long routed, List<Long> speedMillis, Map<String, Long> perTeam) {
    String line =
        String.format(
            Locale.ROOT,
            "created %,d/%,d  routed %,d  speed to lead p50 %d ms p90 %d ms  | %s",
            created,
            total,
            routed,
            DemoAudit.percentile(speedMillis, 0.5),
            DemoAudit.percentile(speedMillis, 0.9),
            DemoCommand.describe(perTeam));
    if (terminal) {
      int filled = (int) Math.min(WIDTH, routed * WIDTH / total);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + line + "\033[K");
      err.flush();
      last = line;
      return;
    }
    long now = System.nanoTime();
    if (lastPlain == Long.MIN_VALUE || now - lastPlain >= PLAIN_EVERY_NANOS) {
      lastPlain = now;
      err.println(line);
      err.flush();
    }
    last = line;
  }

  void done() {
    if (terminal) {
      err.println();
    } else {
      err.println(last);
    }
    err.flush();
  }
}

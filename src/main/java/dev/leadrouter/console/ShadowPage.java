package dev.leadrouter.console;

import com.google.inject.Inject;
import dev.leadrouter.admin.ConsoleChrome;
import dev.leadrouter.admin.ConsolePage;
import dev.leadrouter.admin.ConsoleReply;
import dev.leadrouter.admin.ConsoleRequest;
import dev.leadrouter.admin.ConsoleTemplates;
import dev.leadrouter.admin.ShadowComparison;
import dev.leadrouter.admin.ShadowReport;
import dev.leadrouter.admin.ShadowReporter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Shadow decisions of the last days beside the owners the org gave the leads: the shadow report of
 * {@code lead-router shadow-report}, built when the page is asked for (it reads owners from the
 * org, so it takes a moment for many leads).
 */
final class ShadowPage implements ConsolePage {

  static final int MAX_DAYS = 30;
  static final int MAX_ROWS = 200;

  private final ShadowReporter reporter;
  private final ConsoleTemplates templates;
  private final Clock clock;

  @Inject
  ShadowPage(ShadowReporter reporter, ConsoleTemplates templates, Clock clock) {
    this.reporter = reporter;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public String path() {
    return "/console/shadow";
  }

  @Override
  public ConsoleReply get(ConsoleRequest request) {
    int days = days(request);
    ShadowReport report =
        reporter.build(clock.instant().minus(Duration.ofDays(days)), (done, total) -> {});
    List<ShadowComparison> disagreements =
        report.rows().stream()
            .filter(row -> row.agrees().map(agrees -> !agrees).orElse(false))
            .limit(MAX_ROWS)
            .toList();
    return ConsoleReply.page(
        templates.render(
            "shadow.jte",
            Map.of(
                "chrome", new ConsoleChrome("Shadow vs actual", "shadow", request.access()),
                "days", days,
                "report", report,
                "summary", report.summary(),
                "disagreements", disagreements)));
  }

  private static int days(ConsoleRequest request) {
    try {
      int days = Integer.parseInt(request.parameter("days").orElse("1"));
      return Math.max(1, Math.min(MAX_DAYS, days));
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }
}

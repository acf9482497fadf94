package dev.leadrouter.console;

import com.google.inject.Inject;
import dev.leadrouter.admin.ConsoleChrome;
import dev.leadrouter.admin.ConsolePage;
import dev.leadrouter.admin.ConsoleReply;
import dev.leadrouter.admin.ConsoleRequest;
import dev.leadrouter.admin.ConsoleTemplates;
import java.util.Map;

/** The console's home: live counters of routing, queues, dead letters and SLA clocks. */
final class OverviewPage implements ConsolePage {

  private final LiveCounters counters;
  private final ConsoleTemplates templates;

  @Inject
  OverviewPage(LiveCounters counters, ConsoleTemplates templates) {
    this.counters = counters;
    this.templates = templates;
  }

  @Override
  public String path() {
    return "/console/";
  }

  @Override
  public ConsoleReply get(ConsoleRequest request) {
    return ConsoleReply.page(
        templates.render(
            "overview.jte",
            Map.of(
                "chrome",
                new ConsoleChrome("Overview", "overview", request.access()),
                "figures",
                counters.now())));
  }
}

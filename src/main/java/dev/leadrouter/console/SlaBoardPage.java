package dev.leadrouter.console;

import com.google.inject.Inject;
import dev.leadrouter.admin.ConsoleChrome;
import dev.leadrouter.admin.ConsolePage;
import dev.leadrouter.admin.ConsoleReply;
import dev.leadrouter.admin.ConsoleRequest;
import dev.leadrouter.admin.ConsoleTemplates;
import dev.leadrouter.store.SlaClocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Open SLA clocks, soonest due first, and the breaches of the last week. */
final class SlaBoardPage implements ConsolePage {

  private final SlaClocks clocks;
  private final ConsoleTemplates templates;
  private final Clock clock;

  @Inject
  SlaBoardPage(SlaClocks clocks, ConsoleTemplates templates, Clock clock) {
    this.clocks = clocks;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public String path() {
    return "/console/sla";
  }

  @Override
  public ConsoleReply get(ConsoleRequest request) {
    Instant now = clock.instant();
    return ConsoleReply.page(
        templates.render(
            "sla.jte",
            Map.of(
                "chrome",
                new ConsoleChrome("SLA board", "sla", request.access()),
                "now",
                now,
                "open",
                clocks.allOpen(),
                "breaches",
                clocks.breachedSince(now.minus(Duration.ofDays(7))))));
  }
}

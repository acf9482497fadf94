package dev.leadrouter.console;

import com.google.inject.Inject;
import dev.leadrouter.admin.ConsoleChrome;
import dev.leadrouter.admin.ConsolePage;
import dev.leadrouter.admin.ConsoleReply;
import dev.leadrouter.admin.ConsoleRequest;
import dev.leadrouter.admin.ConsoleTemplates;
import dev.leadrouter.store.DecisionSearch;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds decisions in the routing log by lead id, e-mail, company, owner or rule. */
public final class SearchPage implements ConsolePage {

  /** Enough to scan by eye; a narrower search finds the rest. */
  static final int LIMIT = 200;

  /** A choice of the form's field list. */
  public record FieldChoice(String value, String label, boolean selected) {}

  private final RoutingLog log;
  private final ConsoleTemplates templates;

  @Inject
  SearchPage(RoutingLog log, ConsoleTemplates templates) {
    this.log = log;
    this.templates = templates;
  }

  @Override
  public String path() {
    return "/console/search";
  }

  @Override
  public ConsoleReply get(ConsoleRequest request) {
    Optional<String> text = request.parameter("q");
    DecisionSearch.Field field =
        request
            .parameter("field")
            .flatMap(
                value ->
                    Arrays.stream(DecisionSearch.Field.values())
                        .filter(f -> f.parameter().equals(value))
                        .findFirst())
            .orElse(DecisionSearch.Field.EMAIL);
    List<LoggedDecision> found =
        text.map(t -> log.search(new DecisionSearch(field, t), LIMIT)).orElse(List.of());
    List<FieldChoice> fields =
        Arrays.stream(DecisionSearch.Field.values())
            .map(f -> new FieldChoice(f.parameter(), label(f), f == field))
            .toList();
    return ConsoleReply.page(
        templates.render(
            "search.jte",
            Map.of(
                "chrome",
                new ConsoleChrome("Search the routing log", "search", request.access()),
                "fields",
                fields,
                "query",
                text.orElse(""),
                "searched",
                text.isPresent(),
                "results",
                found,
                "limit",
                LIMIT)));
  }

  private static String label(DecisionSearch.Field field) {
    return switch (field) {
      case LEAD_ID -> "Lead id";
      case EMAIL -> "E-mail";
      case COMPANY -> "Company (starts with)";
      case OWNER -> "Owner (name or id)";
      case RULE -> "Rule";
    };
  }
}

package dev.leadrouter.console;

import com.google.inject.Inject;
import dev.leadrouter.admin.ConsoleChrome;
import dev.leadrouter.admin.ConsolePage;
import dev.leadrouter.admin.ConsoleReply;
import dev.leadrouter.admin.ConsoleRequest;
import dev.leadrouter.admin.ConsoleTemplates;
import dev.leadrouter.store.DeadLetter;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.worker.DeadLetterReplay;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dead letters, waiting ones first, each with a Replay button: a POST that replays it through the
 * worker's own {@link DeadLetterReplay}, as {@code lead-router dlq replay} does, then shows how it
 * went (post/redirect/get, so reloading the page replays nothing).
 */
final class DeadLettersPage implements ConsolePage {

  private final DeadLetters deadLetters;
  private final DeadLetterReplay replay;
  private final ConsoleTemplates templates;

  @Inject
  DeadLettersPage(DeadLetters deadLetters, DeadLetterReplay replay, ConsoleTemplates templates) {
    this.deadLetters = deadLetters;
    this.replay = replay;
    this.templates = templates;
  }

  @Override
  public String path() {
    return "/console/dead-letters";
  }

  @Override
  public ConsoleReply get(ConsoleRequest request) {
    List<DeadLetter> letters =
        deadLetters.list().stream()
            .sorted(
                Comparator.comparing(DeadLetter::replayed)
                    .thenComparing(DeadLetter::id, Comparator.reverseOrder()))
            .toList();
    Optional<DeadLetter> done =
        request.parameter("done").flatMap(DeadLettersPage::id).flatMap(deadLetters::find);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("chrome", new ConsoleChrome("Dead letters", "dead-letters", request.access()));
    model.put("letters", letters);
    model.put("done", done.orElse(null));
    return ConsoleReply.page(templates.render("deadletters.jte", model));
  }

  @Override
  public ConsoleReply post(ConsoleRequest request) {
    Optional<Long> id = request.parameter("id").flatMap(DeadLettersPage::id);
    if (id.isEmpty() || replay.replay(id.get()).isEmpty()) {
      return ConsoleReply.seeOther("/console/dead-letters");
    }
    return ConsoleReply.seeOther("/console/dead-letters?done=" + id.get());
  }

  private static Optional<Long> id(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException notAnId) {
      return Optional.empty();
    }
  }
}

package dev.leadrouter.rules;

import dev.leadrouter.admin.AdminAction;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /rules/reload}: reads the rules now. 200 when the rules in force are the latest (new
 * or unchanged), 422 with the problems when the change was rejected, 503 when it could not be read.
 */
public final class RulesReloadAction implements AdminAction {

  public static final String PATH = "/rules/reload";

  private final RuleSetProvider provider;

  public RulesReloadAction(RuleSetProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public Result run() {
    ReloadOutcome outcome = provider.reload();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("outcome", outcome.kind().name().toLowerCase(Locale.ROOT));
    body.put("version", outcome.version().orElse(null));
    outcome.diff().ifPresent(diff -> body.put("changes", diff.toString()));
    if (!outcome.problems().isEmpty()) {
      body.put("problems", outcome.problems().stream().map(Object::toString).toList());
    }
    outcome.failure().ifPresent(failure -> body.put("failure", failure));
    int status =
        switch (outcome.kind()) {
          case APPLIED, UNCHANGED -> 200;
          case REJECTED -> 422;
          case FAILED -> 503;
        };
    return new Result(status, body);
  }
}

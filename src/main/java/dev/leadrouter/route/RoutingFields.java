package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import java.util.Locale;

/**
 * The fields rule criteria can read: the lead's own (normalized) fields plus what earlier stages
 * found out, under names admins can use in criteria: {@code Score}, {@code FitScore}, {@code
 * IntentScore}, {@code ScoreTier}, {@code AccountType}, {@code AccountMatched}.
 */
final class RoutingFields implements FieldSource {

  private final RoutingRequest request;

  RoutingFields(RoutingRequest request) {
    this.request = request;
  }

  @Override
  public String get(String fieldName) {
    String name = fieldName.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "score" -> Integer.toString(request.score().total());
      case "fitscore" -> Integer.toString(request.score().fit());
      case "intentscore" -> Integer.toString(request.score().intent());
      case "scoretier" -> request.score().tier();
      case "accounttype" -> request.account() == null ? null : request.account().accountType();
      case "accountmatched" -> Boolean.toString(request.account() != null);
      default -> request.fields().get(name);
    };
  }
}

package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import java.util.Locale;

/**
 * The fields rule criteria can read: the lead's own (normalized) fields plus what earlier stages
 * found out, under names admins can use in criteria: {@code Score}, {@code FitScore}, {@code
 * IntentScore}, {@code ScoreTier}, {@code AccountType}, {@code AccountMatched}.
 *
 * <p>One instance serves one decision and remembers what it has read: a hundred rules ask for the
 * same handful of fields hundreds of times, and criteria pass interned lower-case names, so a
 * repeat read is an identity comparison in a short array. Once the decision is made it is {@link
 * #freeze() frozen}: traces may read it later from any thread, and then it only reads through.
 */
final class RoutingFields implements FieldSource {

  private static final int REMEMBERED = 24;

  private final RoutingRequest request;
  private final String[] names = new String[REMEMBERED];
  private final String[] values = new String[REMEMBERED];
  private int remembered;
  private volatile boolean frozen;

  RoutingFields(RoutingRequest request) {
    this.request = request;
  }

  /** Stops remembering, so that later reads (from any thread) change nothing. */
  void freeze() {
    frozen = true;
  }

  @Override
  public String get(String fieldName) {
    if (frozen) {
      return read(fieldName.toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < remembered; i++) {
      if (names[i] == fieldName) {
        return values[i];
      }
    }
    String value = read(fieldName.toLowerCase(Locale.ROOT));
    if (remembered < REMEMBERED) {
      names[remembered] = fieldName;
      values[remembered] = value;
      remembered++;
    }
    return value;
  }

  private String read(String name) {
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

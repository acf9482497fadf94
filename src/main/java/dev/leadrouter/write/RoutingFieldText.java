package dev.leadrouter.write;

import dev.leadrouter.route.ReasonCode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The short texts written to the Lead's routing fields. The routing log keeps the whole of why; the
 * Lead gets a line a rep can read, within the fields' length (text, 255 characters).
 */
final class RoutingFieldText {

  /** Length of {@code Routing_Rule__c} and {@code Routing_Reason__c} (Text(255)). */
  static final int FIELD_LENGTH = 255;

  /** How many reasons make the line; the first ones say how the owner was found. */
  private static final int REASONS_SHOWN = 2;

  /** Input-quality notes are for the log; on the Lead they crowd out how the owner was found. */
  private static final Set<ReasonCode> INPUT_NOTES =
      Set.of(
          ReasonCode.COUNTRY_UNKNOWN,
          ReasonCode.STATE_UNKNOWN,
          ReasonCode.PHONE_INVALID,
          ReasonCode.EMAIL_INVALID,
          ReasonCode.WEBSITE_INVALID,
          ReasonCode.FREE_MAIL_DOMAIN,
          ReasonCode.VALUE_TRUNCATED);

  private RoutingFieldText() {}

  static String rule(String rule) {
    return cut(rule == null ? "Catch-all" : rule);
  }

  /** E.g. "Team member chosen in turn (round robin) [TEAM_ROUND_ROBIN]". */
  static String reason(List<ReasonCode> reasons) {
    List<ReasonCode> shown = reasons.stream().filter(r -> !INPUT_NOTES.contains(r)).toList();
    if (shown.isEmpty()) {
      shown = reasons;
    }
    String text =
        shown.stream()
            .limit(REASONS_SHOWN)
            .map(r -> capitalised(r.explanation()) + " [" + r.name() + "]")
            .collect(Collectors.joining("; "));
    return cut(text.isEmpty() ? "Routed by Lead Router" : text);
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String cut(String text) {
    if (text.length() <= FIELD_LENGTH) {
      return text;
    }
    int end = FIELD_LENGTH - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}

package dev.leadrouter.lead;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Salesforce record id, always held in its 18-character, case-insensitive-safe form.
 *
 * <p>The 15-character form is case-sensitive; Salesforce appends three checksum characters that
 * encode which of the first fifteen are upper-case, so that the 18-character form survives tools
 * that ignore case. Ids are compared on that form.
 */
public record SalesforceId(@JsonValue String value) {

  private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
  private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  public static final String USER_PREFIX = "005";
  public static final String QUEUE_PREFIX = "00G";
  public static final String LEAD_PREFIX = "00Q";
  public static final String ACCOUNT_PREFIX = "001";

  public SalesforceId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a Salesforce id (15 or 18 letters and digits): " + abbreviate(value));
    }
    String fifteen = value.substring(0, 15);
    if (value.length() == 18 && !checksum(fifteen).equalsIgnoreCase(value.substring(15))) {
      throw new IllegalArgumentException("Salesforce id has a wrong checksum: " + value);
    }
    value = fifteen + checksum(fifteen);
  }

  /** Parses an id, or returns empty when the text is not one. */
  public static Optional<SalesforceId> parse(String text) {
    try {
      return Optional.of(new SalesforceId(text == null ? null : text.trim()));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  public String keyPrefix() {
    return value.substring(0, 3);
  }

  public boolean isUser() {
    return USER_PREFIX.equals(keyPrefix());
  }

  public boolean isQueue() {
    return QUEUE_PREFIX.equals(keyPrefix());
  }

  static String checksum(String fifteen) {
    StringBuilder suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = fifteen.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(CHECKSUM_ALPHABET.charAt(bits));
    }
    return suffix.toString();
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  // Ids key the maps routing reads for every team member; String caches its hash, a record's
  // generated hashCode does not.
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SalesforceId id && value.equals(id.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

package dev.leadrouter.store;

import java.util.Locale;
import java.util.Objects;

/**
 * What to look for in the routing log: one field and the text to find in it.
 *
 * <p>A lead id is matched exactly; an e-mail and a rule case-insensitively and whole; a company by
 * its start; an owner by user or queue id, or by any part of the name. Each is what an operator
 * types after "why did this lead go to ...?".
 */
public record DecisionSearch(Field field, String text) {

  /** The column searched. */
  public enum Field {
    LEAD_ID,
    EMAIL,
    COMPANY,
    OWNER,
    RULE;

    /** The form's parameter value, e.g. {@code lead-id}. */
    public String parameter() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public DecisionSearch {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("nothing to search for");
    }
  }
}

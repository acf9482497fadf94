package dev.leadrouter.criteria;

/**
 * Criteria that cannot be compiled. {@link #field()} names the offending setting ({@code logic},
 * {@code criterion 2 operator}) so the caller can point the admin at the record and the field.
 */
public final class InvalidCriteriaException extends Exception {

  private final String field;

  public InvalidCriteriaException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}

package dev.leadrouter.emulator.org;

/** A request named a field the sObject type does not have; Salesforce answers INVALID_FIELD. */
public final class UnknownFieldException extends RuntimeException {

  private final String field;

  public UnknownFieldException(SObjectType type, String field) {
    super("No such column '" + field + "' on entity '" + type.apiName() + "'");
    this.field = field;
  }

  public String field() {
    return field;
  }
}

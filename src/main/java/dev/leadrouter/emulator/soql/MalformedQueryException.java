package dev.leadrouter.emulator.soql;

/** A query outside the SOQL the emulator understands; Salesforce answers MALFORMED_QUERY. */
public final class MalformedQueryException extends RuntimeException {

  public MalformedQueryException(String message) {
    super(message);
  }
}

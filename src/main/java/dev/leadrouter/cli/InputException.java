package dev.leadrouter.cli;

/** A file given on the command line that cannot be used, with a message saying why and where. */
final class InputException extends RuntimeException {
  InputException(String message) {
    super(message);
  }

  InputException(String message, Throwable cause) {
    super(message, cause);
  }
}

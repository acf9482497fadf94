package dev.leadrouter.cli;

import dev.leadrouter.config.InvalidRuleSetException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns the errors users cause (a bad rule file, a missing input) into a message and exit code 2,
 * instead of a stack trace.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {

  static final int INPUT_ERROR = 2;

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult)
      throws Exception {
    if (failure instanceof InvalidRuleSetException
        || failure instanceof InputException
        || failure instanceof UncheckedIOException) {
      commandLine.getErr().println("lead-router: " + failure.getMessage());
      return INPUT_ERROR;
    }
    throw failure;
  }
}

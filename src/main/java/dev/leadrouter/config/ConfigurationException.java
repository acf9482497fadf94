package dev.leadrouter.config;

import java.util.List;

/**
 * The worker's configuration cannot be used. Carries every problem found, each naming the setting
 * and the reason, so that one start-up attempt reports them all at once.
 */
public final class ConfigurationException extends RuntimeException {

  private final transient List<String> problems;

  /**
   * @param source what was being read, e.g. the configuration file's path
   * @param problems one line per problem, {@code "key.path: reason"}
   */
  public ConfigurationException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own, in the order found. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    StringBuilder text = new StringBuilder("Invalid configuration in ").append(source);
    text.append(problems.size() == 1 ? " (1 problem):" : " (" + problems.size() + " problems):");
    for (String problem : problems) {
      text.append(System.lineSeparator()).append("  - ").append(problem);
    }
    return text.toString();
  }
}

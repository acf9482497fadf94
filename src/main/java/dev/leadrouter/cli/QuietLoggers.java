package dev.leadrouter.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Raises the level of some loggers while a command draws its own progress (log lines would scroll
 * it away), and puts the levels back on close.
 */
final class QuietLoggers implements AutoCloseable {

  private final Map<Logger, Level> before = new HashMap<>();

  private QuietLoggers(Level level, List<String> names) {
    for (String name : names) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      before.put(logger, logger.getLevel());
      logger.setLevel(level);
    }
  }

  /** Only {@code level} and above from the loggers named (and theirs below) until closed. */
  static QuietLoggers at(Level level, List<String> names) {
    return new QuietLoggers(level, names);
  }

  @Override
  public void close() {
    before.forEach(Logger::setLevel);
  }
}

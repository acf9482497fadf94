package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.leadrouter.config.StoreSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The store's own display of its JDBC URL: what is logged while opening it, and the failure the
 * command line prints (message, causes and all) when it cannot be opened, never carry credentials
 * written into the URL. The settings loader refuses such URLs; {@code explain --store} and tests
 * hand URLs to {@link Database#open} directly.
 */
class StoreUrlRedactionTest {

  private static final String SECRET = "store-pw-Zq81";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  private final Map<String, Level> levels = new HashMap<>();

  @BeforeEach
  void watchLogs() {
    logs.start();
    root().addAppender(logs);
    // Hikari prints its whole configuration, URL included, at DEBUG: watch the chattiest level.
    for (String name : List.of("com.zaxxer.hikari", "org.flywaydb", "dev.leadrouter.store")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      levels.put(name, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
  }

  @AfterEach
  void stopWatching() {
    root().detachAppender(logs);
    levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
  }

  @Test
  void aFailureToOpenNamesTheUrlWithoutItsCredentials() {
    String url = "jdbc:postgresql://router:" + SECRET + "@127.0.0.1:1/leadrouter";

    Throwable failure =
        catchThrowable(
            () -> Database.open(new StoreSettings(url, Optional.empty(), Optional.empty(), 1)));

    assertThat(failure)
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("the store at jdbc:postgresql://***@127.0.0.1:1/leadrouter");
    assertThat(printed(failure)).as("stack trace with causes").doesNotContain(SECRET);
    assertThat(printed(failure))
        .as("the causes keep their class names")
        .containsPattern("Caused by: [a-z.]+\\.[A-Z]\\w+");
    assertThat(loggedText()).doesNotContain(SECRET);
  }

  @Test
  void openingAStoreLogsNoPasswordFromItsUrl() {
    String url = "jdbc:h2:mem:redaction;USER=sa;PASSWORD=" + SECRET;

    try (Database database =
        Database.open(new StoreSettings(url, Optional.empty(), Optional.empty(), 4))) {
      assertThat(database.dataSource()).isNotNull();
    }

    assertThat(logs.list).as("the open was logged at all").isNotEmpty();
    assertThat(loggedText()).doesNotContain(SECRET);
  }

  private String loggedText() {
    return logs.list.stream()
        .map(
            event ->
                event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : " " + event.getThrowableProxy().getMessage()))
        .collect(Collectors.joining("\n"));
  }

  private static String printed(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}

package dev.leadrouter.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.StatusPrinter2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs config/logback.xml in a private logger context and reads what it writes to stderr. */
class LogbackConfigurationTest {

  private static final Path CONFIG = Path.of("config/logback.xml");

  @Test
  void writesOneJsonObjectPerLineWhenAskedFor() throws Exception {
    String output = logOneEvent("json");

    assertThat(output.lines()).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(output);
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("loggerName").asText()).isEqualTo("dev.leadrouter.Example");
    assertThat(line.get("formattedMessage").asText()).isEqualTo("routed 00Q000000000001 to Ana");
    assertThat(line.get("threadName").asText()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void writesReadableTextByDefault() throws Exception {
    String output = logOneEvent("text");

    assertThat(output.lines()).hasSize(1);
    assertThat(output)
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[.+\\]"
                + " dev.leadrouter.Example - routed 00Q000000000001 to Ana\\R");
  }

  @Test
  void quietsNoisyLibraries() throws Exception {
    LoggerContext context = configuredContext("text");
    try {
      assertThat(context.getLogger("org.eclipse.jetty.server").isInfoEnabled()).isFalse();
      assertThat(context.getLogger("org.eclipse.jetty.server").isWarnEnabled()).isTrue();
      assertThat(context.getLogger("dev.leadrouter.route").isInfoEnabled()).isTrue();
    } finally {
      context.stop();
    }
  }

  @Test
  void theJarCarriesTheSameConfiguration() throws IOException {
    assertThat(Files.readString(Path.of("src/main/resources/logback.xml")))
        .isEqualTo(Files.readString(CONFIG));
  }

  /** Logs one event and returns what reached stderr, checking that stdout stayed empty. */
  private static String logOneEvent(String format) throws JoranException {
    LoggerContext context = configuredContext(format);
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    // The console appender looks System.err up on every write, so swapping it captures the line.
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      context.getLogger("dev.leadrouter.Example").info("routed {} to {}", "00Q000000000001", "Ana");
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
      context.stop();
    }
    assertNoWarnings(context);
    assertThat(stdout.toString(StandardCharsets.UTF_8)).as("stdout").isEmpty();
    return stderr.toString(StandardCharsets.UTF_8);
  }

  private static LoggerContext configuredContext(String format) throws JoranException {
    LoggerContext context = new LoggerContext();
    // SLF4J's binding gives the default context its MDC adapter; a private one needs it by hand.
    context.setMDCAdapter(new LogbackMDCAdapter());
    // A context property is found before system properties and the environment.
    context.putProperty("LEAD_ROUTER_LOG_FORMAT", format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(CONFIG.toFile());
    assertNoWarnings(context);
    return context;
  }

  // Also catches the configuration going wrong silently, e.g. an appender left unreferenced.
  private static void assertNoWarnings(LoggerContext context) {
    int worst =
        context.getStatusManager().getCopyOfStatusList().stream()
            .mapToInt(Status::getEffectiveLevel)
            .max()
            .orElse(Status.INFO);
    if (worst >= Status.WARN) {
      new StatusPrinter2().print(context);
    }
    assertThat(worst).as("worst logback status").isLessThan(Status.WARN);
  }
}

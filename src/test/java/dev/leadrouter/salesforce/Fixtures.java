package dev.leadrouter.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the documented payloads under {@code src/test/resources/salesforce/}. Each file opens with
 * {@code //} lines naming the documentation it follows; they are dropped here, because Salesforce
 * never sends comments and our parser must not need to tolerate them.
 */
final class Fixtures {

  private Fixtures() {}

  static String read(String name) {
    return lines(name).stream().collect(Collectors.joining("\n"));
  }

  static List<String> lines(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/salesforce/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("//"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

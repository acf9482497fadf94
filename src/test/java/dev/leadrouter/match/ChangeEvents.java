package dev.leadrouter.match;

import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventParser;
import dev.leadrouter.capture.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Change events parsed from the documented JSON fixtures under {@code /match}. */
final class ChangeEvents {

  private ChangeEvents() {}

  static ChangeEvent load(String fixture) {
    try (InputStream in = ChangeEvents.class.getResourceAsStream("/match/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      ParseResult result =
          new ChangeEventParser()
              .parseMessageJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!(result instanceof ChangeEvent event)) {
        throw new IllegalStateException(fixture + " does not parse: " + result);
      }
      return event;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}

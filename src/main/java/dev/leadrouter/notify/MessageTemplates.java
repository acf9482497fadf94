package dev.leadrouter.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.StringSubstitutor;

/**
 * Message templates admins can change: {@code <name>.txt} in the templates directory when there is
 * one, else the built-in text. The first line is the subject, the rest the body; {@code ${name}}
 * placeholders are filled in, unknown ones are left as written so a typo shows.
 */
public final class MessageTemplates {

  private final Optional<Path> directory;

  public MessageTemplates(Optional<Path> directory) {
    this.directory = directory;
  }

  /** The notice a template makes with these values, for these recipients. */
  public Notice render(String name, Map<String, String> values, java.util.List<String> recipients) {
    String filled = new StringSubstitutor(values).replace(template(name));
    int newline = filled.indexOf('\n');
    String subject = newline < 0 ? filled.strip() : filled.substring(0, newline).strip();
    String body = newline < 0 ? "" : filled.substring(newline + 1).strip();
    return new Notice(subject, body, recipients);
  }

  private String template(String name) {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("not a template name: " + name);
    }
    Optional<Path> own =
        directory.map(dir -> dir.resolve(name + ".txt")).filter(Files::isRegularFile);
    try {
      if (own.isPresent()) {
        return Files.readString(own.get(), StandardCharsets.UTF_8);
      }
      try (InputStream builtIn =
          MessageTemplates.class.getResourceAsStream("/notify/" + name + ".txt")) {
        if (builtIn == null) {
          throw new IllegalArgumentException("no template named " + name);
        }
        return new String(builtIn.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("template " + name + " could not be read", unreadable);
    }
  }
}

package dev.leadrouter.config;

import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a secret setting {@code NAME} from {@code NAME-file} (the file's content, trimmed) or
 * from {@code NAME} itself, which is accepted only when its value was substituted from an
 * environment variable, never when it was typed into a configuration file.
 *
 * <p>Where a value came from is told by its {@link ConfigOrigin}: the loader puts the environment
 * in as a separate config whose every value carries the origin {@link #ENVIRONMENT_ORIGIN}, and a
 * {@code ${?VAR}} substitution keeps the origin of the value it pulled in. The description is
 * compared exactly, not with {@code contains}: a concatenation such as {@code "x"${?VAR}} gets the
 * merged origin {@code "merge of application.conf: 12,env variables"} and must be refused, since
 * part of it was typed into the file.
 */
final class SecretReader {

  /** Origin description of every value taken from the environment; the same that Typesafe uses. */
  static final String ENVIRONMENT_ORIGIN = "env variables";

  private final SettingReader settings;

  SecretReader(SettingReader settings) {
    this.settings = settings;
  }

  /**
   * @param section e.g. {@code lead-router.salesforce}
   * @param name e.g. {@code client-secret}; its file setting is {@code name + "-file"}
   */
  Optional<Secret> read(String section, String name) {
    String valuePath = section + "." + name;
    String filePath = valuePath + "-file";
    Optional<Path> file = settings.optionalPath(filePath);
    Optional<ConfigValue> raw = settings.rawValue(valuePath);
    if (raw.isPresent() && !cameFromEnvironment(raw.get())) {
      settings.problem(
          valuePath
              + " must come from an environment variable or a file ("
              + name
              + "-file), not from "
              + writtenIn(raw.get().origin()));
      return Optional.empty();
    }
    // Only now is it safe to read the value as text: it came from the environment.
    Optional<String> fromEnvironment =
        raw.isPresent() ? settings.optionalString(valuePath) : Optional.empty();
    if (file.isPresent() && fromEnvironment.isPresent()) {
      settings.problem(
          valuePath, "set either " + name + "-file or the environment variable, not both");
      return Optional.empty();
    }
    if (file.isPresent()) {
      return readFile(filePath, file.get());
    }
    return fromEnvironment.map(Secret::new);
  }

  private Optional<Secret> readFile(String filePath, Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (content.isEmpty()) {
        settings.problem(filePath, "file is empty: " + file.toAbsolutePath());
        return Optional.empty();
      }
      return Optional.of(new Secret(content));
    } catch (NoSuchFileException missing) {
      settings.problem(filePath, "file not found: " + file.toAbsolutePath());
    } catch (AccessDeniedException denied) {
      settings.problem(
          filePath, "file cannot be read (permission denied): " + file.toAbsolutePath());
    } catch (CharacterCodingException notText) {
      settings.problem(filePath, "file is not UTF-8 text: " + file.toAbsolutePath());
    } catch (IOException unreadable) {
      settings.problem(
          filePath, "file cannot be read: " + file.toAbsolutePath() + " (" + unreadable + ")");
    }
    return Optional.empty();
  }

  private static boolean cameFromEnvironment(ConfigValue value) {
    ConfigOrigin origin = value.origin();
    return ENVIRONMENT_ORIGIN.equals(origin.description())
        && origin.filename() == null
        && origin.url() == null
        && origin.resource() == null;
  }

  private static String writtenIn(ConfigOrigin origin) {
    if (origin.filename() == null) {
      return "the configuration file";
    }
    String where = Path.of(origin.filename()).getFileName().toString();
    return origin.lineNumber() > 0 ? where + " (line " + origin.lineNumber() + ")" : where;
  }
}

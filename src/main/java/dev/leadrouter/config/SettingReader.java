package dev.leadrouter.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads typed values out of a resolved {@link Config}. A bad or missing value is recorded as a
 * problem and answered with {@code null}/empty, so that one pass finds every problem; the caller
 * builds nothing from a pass that recorded any.
 */
final class SettingReader {

  /** Spells enum constants as written in application.conf, e.g. {@code client-credentials}. */
  static <E extends Enum<E>> String kebabCase(E constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private final Config config;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> readPaths = new HashSet<>();

  SettingReader(Config config) {
    this.config = config;
  }

  /** Records a problem with one setting. */
  void problem(String path, String reason) {
    problems.add(path + ": " + reason);
  }

  /** Records a problem already phrased as a sentence that names its setting. */
  void problem(String sentence) {
    problems.add(sentence);
  }

  int problemCount() {
    return problems.size();
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  /** The raw value, for checks on where it came from; empty when unset. */
  Optional<ConfigValue> rawValue(String path) {
    readPaths.add(path);
    return config.hasPathOrNull(path) && !config.getIsNull(path)
        ? Optional.of(config.getValue(path))
        : Optional.empty();
  }

  /**
   * Reports settings under {@code root} that nothing asked for: most likely misspelt keys, or a
   * whole section replaced by a single value.
   */
  void reportUnreadSettings(String root) {
    List<String> unread =
        config.getConfig(root).entrySet().stream()
            .map(entry -> root + "." + entry.getKey())
            .filter(path -> !readPaths.contains(path))
            .sorted()
            .toList();
    for (String path : unread) {
      boolean isSection = readPaths.stream().anyMatch(read -> read.startsWith(path + "."));
      problem(
          path,
          isSection
              ? "must be a section { ... } holding its settings, not a single value"
              : "is not a Lead Router setting (misspelt?)");
    }
  }

  /** A single value as text; blank counts as unset, so that an empty variable changes nothing. */
  Optional<String> optionalString(String path) {
    Optional<ConfigValue> value = rawValue(path);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    ConfigValueType type = value.get().valueType();
    if (type == ConfigValueType.OBJECT || type == ConfigValueType.LIST) {
      problem(path, "must be a single value, not a " + type.name().toLowerCase(Locale.ROOT));
      return Optional.empty();
    }
    // getString keeps a number's original text: api-version = 62.10 stays "62.10", not 62.1.
    String text = config.getString(path).strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  String requiredString(String path) {
    int before = problemCount();
    Optional<String> text = optionalString(path);
    if (text.isEmpty() && problemCount() == before) {
      problem(path, "is missing");
    }
    return text.orElse(null);
  }

  int intBetween(String path, long min, long max) {
    String text = requiredString(path);
    if (text == null) {
      return 0;
    }
    long number;
    try {
      number = Long.parseLong(text);
    } catch (NumberFormatException notWhole) {
      problem(path, "must be a whole number (was '" + text + "')");
      return 0;
    }
    if (number < min || number > max) {
      String range =
          max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
      problem(path, "must be " + range + " (was " + text + ")");
      return 0;
    }
    return (int) number;
  }

  Duration durationAtLeast(String path, Duration min, String minText) {
    String text = requiredString(path);
    if (text == null) {
      return null;
    }
    Duration duration;
    try {
      duration = config.getDuration(path);
    } catch (ConfigException.BadValue notADuration) {
      problem(path, "must be a duration such as '5 minutes' or '90s' (was '" + text + "')");
      return null;
    }
    if (duration.compareTo(min) < 0) {
      problem(path, "must be at least " + minText + " (was '" + text + "')");
      return null;
    }
    return duration;
  }

  /** An enum constant, matched ignoring case and treating '-' as '_'. */
  <E extends Enum<E>> E enumValue(String path, Class<E> type, Function<E, String> spelling) {
    String text = requiredString(path);
    if (text == null) {
      return null;
    }
    String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.joining(", "));
    problem(path, "must be one of " + allowed + " (was '" + text + "')");
    return null;
  }

  Optional<URI> optionalHttpUrl(String path, String example) {
    Optional<String> text = optionalString(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        if (!SecureTransport.allows(uri)) {
          problem(
              path,
              SecureTransport.PLAIN_HTTP_REFUSED
                  + " (was '"
                  + UrlRedaction.redact(text.get())
                  + "')");
          return Optional.empty();
        }
        return Optional.of(uri);
      }
    } catch (URISyntaxException notAUri) {
      // reported below, with the same message as a URI that parses but is not a web address
    }
    problem(
        path,
        "must be a web address such as "
            + example
            + " (was '"
            + UrlRedaction.redact(text.get())
            + "')");
    return Optional.empty();
  }

  URI requiredHttpUrl(String path, String example) {
    int before = problemCount();
    Optional<URI> url = optionalHttpUrl(path, example);
    if (url.isEmpty() && problemCount() == before) {
      problem(path, "is missing");
    }
    return url.orElse(null);
  }

  Optional<Path> optionalPath(String path) {
    Optional<String> text = optionalString(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(text.get()));
    } catch (InvalidPathException notAPath) {
      problem(path, "is not a valid file path (" + notAPath.getReason() + ")");
      return Optional.empty();
    }
  }

  /**
   * A list of words: a HOCON list, or one comma-separated value so that an environment variable can
   * set it (e.g. {@code Industry,NumberOfEmployees}). Unset or blank is the empty list.
   */
  List<String> stringList(String path) {
    Optional<ConfigValue> value = rawValue(path);
    if (value.isEmpty()) {
      return List.of();
    }
    ConfigValueType type = value.get().valueType();
    if (type == ConfigValueType.OBJECT) {
      problem(path, "must be a list such as [a, b] or a comma-separated value, not a section");
      return List.of();
    }
    List<String> items =
        type == ConfigValueType.LIST
            ? config.getList(path).unwrapped().stream().map(String::valueOf).toList()
            : Arrays.asList(config.getString(path).split(","));
    return items.stream().map(String::strip).filter(item -> !item.isEmpty()).toList();
  }

  /** A section of single values by key, sorted by key; empty when unset. */
  java.util.Map<String, String> stringMap(String path) {
    Optional<ConfigValue> value = rawValue(path);
    java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
    if (value.isEmpty()) {
      return entries;
    }
    if (value.get().valueType() != ConfigValueType.OBJECT) {
      problem(path, "must be a section { key = value ... }");
      return entries;
    }
    for (String key : new java.util.TreeSet<>(config.getObject(path).keySet())) {
      if (!key.matches("[A-Za-z][A-Za-z0-9_]*")) {
        readPaths.add(path + "." + com.typesafe.config.ConfigUtil.quoteString(key));
        problem(path, "'" + key + "' must be a name of letters, digits and '_'");
        continue;
      }
      optionalString(path + "." + key).ifPresent(text -> entries.put(key, text));
    }
    return entries;
  }

  /** The names of a section's entries, sorted; empty (and a problem) when it is not a section. */
  List<String> sectionKeys(String path) {
    Optional<ConfigValue> value = rawValue(path);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get().valueType() != ConfigValueType.OBJECT) {
      problem(path, "must be a section { ... }");
      return List.of();
    }
    return new java.util.TreeSet<>(config.getObject(path).keySet()).stream().toList();
  }

  /** {@code true}/{@code false} (also yes/no, on/off), as HOCON spells booleans. */
  boolean booleanValue(String path) {
    String text = requiredString(path);
    if (text == null) {
      return false;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on":
        return true;
      case "false", "no", "off":
        return false;
      default:
        problem(path, "must be true or false (was '" + text + "')");
        return false;
    }
  }

  /** Marks every setting under {@code path} as read, for a section that is deliberately unused. */
  void skipSection(String path) {
    if (config.hasPath(path) && config.getValue(path).valueType() == ConfigValueType.OBJECT) {
      config
          .getConfig(path)
          .entrySet()
          .forEach(entry -> readPaths.add(path + "." + entry.getKey()));
    }
    readPaths.add(path);
  }

  Path requiredPath(String path) {
    int before = problemCount();
    Optional<Path> file = optionalPath(path);
    if (file.isEmpty() && problemCount() == before) {
      problem(path, "is missing");
    }
    return file.orElse(null);
  }
}

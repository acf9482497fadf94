package dev.leadrouter.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data files shipped with this package: one record per line, blank lines and lines
 * starting with {@code #} skipped.
 *
 * <p>A missing or unreadable file is a packaging error, not bad input, so it fails loudly with
 * {@link IllegalStateException} at construction time rather than silently normalizing nothing.
 */
final class ResourceLines {

  private ResourceLines() {}

  /** A data line with its 1-based line number, for error messages that point into the file. */
  record Line(String resource, int number, String text) {

    /** Splits a tab-separated line, failing when it does not have exactly {@code columns}. */
    String[] columns(int columns) {
      String[] parts = text.split("\t", -1);
      if (parts.length != columns) {
        throw new IllegalStateException(
            resource + ":" + number + ": expected " + columns + " tab-separated columns");
      }
      for (int i = 0; i < parts.length; i++) {
        parts[i] = parts[i].strip();
        if (parts[i].isEmpty()) {
          throw new IllegalStateException(resource + ":" + number + ": empty column " + (i + 1));
        }
      }
      return parts;
    }

    IllegalStateException error(String message) {
      return new IllegalStateException(resource + ":" + number + ": " + message);
    }
  }

  static List<Line> read(String resource) {
    ClassLoader loader = ResourceLines.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource on the class path: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Line> lines = new ArrayList<>();
      int number = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        number++;
        String stripped = text.strip();
        if (!stripped.isEmpty() && !stripped.startsWith("#")) {
          lines.add(new Line(resource, number, stripped));
        }
      }
      return List.copyOf(lines);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + resource, e);
    }
  }
}

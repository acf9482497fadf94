package dev.leadrouter.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A worker settings file as an operator writes one: the shipped {@code config/application.conf}
 * included, then the settings the test changes.
 */
public final class WorkerConfFile {

  private WorkerConfFile() {}

  /** Writes the include and then {@code settings}, one a line, to {@code file}; returns it. */
  public static Path write(Path file, String... settings) throws IOException {
    Files.writeString(
        file,
        "include file(\""
            + Path.of("config/application.conf").toAbsolutePath()
            + "\")\n"
            + String.join("\n", settings)
            + "\n");
    return file;
  }
}

package dev.leadrouter.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the lead-router jar a command starts child workers from. */
final class WorkerJar {

  private WorkerJar() {}

  /** --jar, else the jar this class was loaded from, else lead-router.jar beside its classes. */
  static Path locate(Path given) {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new InputException("--jar " + given + " does not exist");
      }
      return given.toAbsolutePath();
    }
    Path here;
    try {
      here = Path.of(WorkerJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException unknown) {
      throw new InputException("cannot tell where lead-router runs from; pass --jar FILE");
    }
    if (Files.isRegularFile(here)) {
      return here.toAbsolutePath();
    }
    Path parent = here.toAbsolutePath().getParent();
    Path beside = parent == null ? null : parent.resolve("lead-router.jar");
    if (beside == null || !Files.isRegularFile(beside)) {
      throw new InputException(
          "no lead-router.jar beside "
              + here
              + "; build it with `mvn -DskipTests package` or pass --jar FILE");
    }
    return beside;
  }
}

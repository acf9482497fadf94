package dev.leadrouter.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jar, started as users start it ({@code java [options] -jar target/lead-router.jar
 * ...}) in a child process whose output goes to a file.
 */
public final class PackagedJar {

  public static final Path JAR = Path.of("target/lead-router.jar");

  private PackagedJar() {}

  /** {@code java}, the JVM options, {@code -jar} the jar, then the arguments. */
  public static List<String> command(List<String> jvmOptions, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(arguments);
    return command;
  }

  /** {@code run} with these settings and org connection, then {@code more} arguments. */
  public static List<String> run(Path config, Path credentials, String... more) {
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of("run", "--config", config.toString(), "--org-credentials", credentials.toString()));
    arguments.addAll(List.of(more));
    return arguments;
  }

  /** Starts the command with its standard output and error both into {@code output}. */
  public static Process start(List<String> command, Path output) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }
}

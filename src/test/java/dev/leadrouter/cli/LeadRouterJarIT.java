package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.testing.PackagedJar;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as users run it: {@code java -jar target/lead-router.jar ...}. */
class LeadRouterJarIT {

  private static final Path JAR = PackagedJar.JAR;

  @Test
  void theShadedJarRunsTheExampleGoldenRecords() throws Exception {
    Result result =
        run(
            "test-rules",
            "--rules",
            "config/rules.example.yaml",
            "--golden",
            "config/golden.example.yaml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("golden records pass").doesNotContain("FAIL");
  }

  @Test
  void theShadedJarKnowsItsVersion() throws Exception {
    Result result = run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).doesNotContain("development build").contains("lead-router 0.");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("built by mvn package before integration tests").exists();
    List<String> command = PackagedJar.command(List.of(), List.of(args));
    Path output = Files.createTempFile("lead-router-jar", ".txt");
    try {
      Process process = PackagedJar.start(command, output);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("lead-router " + String.join(" ", args) + " ran over a minute");
      }
      return new Result(process.exitValue(), Files.readString(output, Charset.defaultCharset()));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}

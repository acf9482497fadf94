package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulatorCommandIT {

  @TempDir Path dir;

  @Test
  void writesCredentialsThatSignInAndStopsWhenInterrupted() throws Exception {
    Path credentials = dir.resolve("org.json");
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new EmulatorCommand(Clock.systemUTC()));
    command.setOut(new PrintWriter(out, true));
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread run =
        new Thread(
            () ->
                exitCode.set(
                    command.execute("--port", "0", "--credentials-out", credentials.toString())));
    run.start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(credentials));
      JsonNode org = new ObjectMapper().readTree(credentials.toFile());
      assertThat(org.fieldNames())
          .toIterable()
          .contains(
              "instance_url",
              "login_url",
              "username",
              "password",
              "client_id",
              "client_secret",
              "api_version");
      assertThat(org.get("password").asText()).isEqualTo("emulator-password");

      HttpResponse<String> token =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(org.get("login_url").asText() + "/services/oauth2/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "grant_type=client_credentials&client_id="
                                  + org.get("client_id").asText()
                                  + "&client_secret="
                                  + org.get("client_secret").asText()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(token.statusCode()).isEqualTo(200);
      assertThat(token.body()).contains("\"token_type\":\"Bearer\"");
      assertThat(out.toString()).contains(org.get("instance_url").asText()).contains("Ctrl-C");
    } finally {
      run.interrupt();
      run.join(Duration.ofSeconds(10).toMillis());
    }
    assertThat(exitCode).hasValue(0);
  }
}

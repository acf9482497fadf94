package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** generate-leads against a running `lead-router emulator`, the two wired only by its file. */
class GenerateLeadsCommandIT {

  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void createsTheLeadsVisibleBySoqlAndRecordsTheirTimestamps() throws Exception {
    Path credentials = dir.resolve("org.json");
    CommandLine emulator = new CommandLine(new EmulatorCommand(Clock.systemUTC()));
    emulator.setOut(new PrintWriter(new StringWriter(), true));
    AtomicInteger emulatorExit = new AtomicInteger(-1);
    Thread run =
        new Thread(
            () ->
                emulatorExit.set(
                    emulator.execute(
                        "--credentials-out",
                        credentials.toString(),
                        "--faults",
                        "503-burst=2/1h,latency=1ms")));
    run.start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(credentials));
      Path out = dir.resolve("leads.json");
      StringWriter summary = new StringWriter();
      CommandLine generate = new CommandLine(new GenerateLeadsCommand(Clock.systemUTC()));
      generate.setOut(new PrintWriter(summary, true));
      generate.setErr(new PrintWriter(new StringWriter(), true));

      int exit =
          generate.execute(
              "--org-credentials",
              credentials.toString(),
              "--leads",
              "12",
              "--rate",
              "200",
              "--out",
              out.toString());

      assertThat(exit).isZero();
      assertThat(json.readTree(summary.toString()).get("leads_created").asInt()).isEqualTo(12);
      JsonNode leads = json.readTree(out.toFile());
      assertThat(leads).hasSize(12);
      assertThat(leads.get(0).get("id").asText()).startsWith("00Q");
      assertThat(leads.get(0).get("created_at").asText()).isNotBlank();
      // Three seeded leads plus ours, counted by SOQL over REST.
      assertThat(soqlCount(json.readTree(credentials.toFile()))).isEqualTo(15);
    } finally {
      run.interrupt();
      run.join(Duration.ofSeconds(10).toMillis());
    }
    assertThat(emulatorExit).hasValue(0);
  }

  private int soqlCount(JsonNode org) throws Exception {
    String token =
        json.readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    org.get("login_url").asText() + "/services/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&client_id="
                                        + org.get("client_id").asText()
                                        + "&client_secret="
                                        + org.get("client_secret").asText()))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .get("access_token")
            .asText();
    HttpResponse<String> query =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        org.get("instance_url").asText()
                            + "/services/data/v62.0/query?q="
                            + URLEncoder.encode("SELECT Id FROM Lead", StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(query.body()).get("totalSize").asInt();
  }
}

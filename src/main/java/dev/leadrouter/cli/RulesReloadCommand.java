package dev.leadrouter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Asks a running worker to re-read its rules now, through its admin endpoint. */
@Command(
    name = "reload",
    mixinStandardHelpOptions = true,
    description = {
      "Asks a running worker to re-read its routing rules now, instead of at its next refresh"
          + " (POST /rules/reload on its admin endpoint).",
      "A rule set that fails validation is reported and the worker keeps its current rules.",
      "Exit code 0 when the new rules are in force, 1 when they were rejected or the worker"
          + " could not be reached."
    })
final class RulesReloadCommand implements Callable<Integer> {

  @Option(
      names = "--admin-url",
      defaultValue = "http://127.0.0.1:8081",
      paramLabel = "URL",
      description = "The worker's admin endpoint (default: ${DEFAULT-VALUE}).")
  URI adminUrl;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "File holding the admin token (lead-router.admin.token-file of the worker), if it has"
              + " one.")
  Path tokenFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(adminUrl.resolve("/rules/reload"))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (tokenFile != null) {
      if (!Files.isReadable(tokenFile)) {
        throw new InputException("token file " + tokenFile + " does not exist or cannot be read");
      }
      request.header("Authorization", "Bearer " + Files.readString(tokenFile).trim());
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException down) {
      spec.commandLine().getErr().println("lead-router: no worker answers at " + adminUrl);
      return 1;
    }
    PrintWriter out =
        response.statusCode() == 200 ? spec.commandLine().getOut() : spec.commandLine().getErr();
    out.println(response.body());
    out.flush();
    return response.statusCode() == 200 ? 0 : 1;
  }
}

package dev.leadrouter.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Access tokens from a running emulator, fetched over HTTP as any client would. */
public final class EmulatorTokens {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EmulatorTokens() {}

  /** A token from the OAuth 2.0 client credentials flow at the emulator's token endpoint. */
  public static String clientCredentials(
      HttpClient http, OrgServer server, String clientId, String clientSecret) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + clientId
                            + "&client_secret="
                            + clientSecret))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).get("access_token").asText();
  }
}

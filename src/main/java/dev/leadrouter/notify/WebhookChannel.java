package dev.leadrouter.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.SecureTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A Slack-compatible incoming webhook: {@code POST} of {@code {"text": "..."}} as JSON, answered
 * with a 2xx (Slack's, Mattermost's and Teams' workflow webhooks all take this shape). The URL is
 * itself the credential, so it never appears in messages or logs.
 */
public final class WebhookChannel implements NotificationChannel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Secret url;
  private final HttpClient http;
  private final Duration timeout;

  public WebhookChannel(Secret url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.http = SecureTransport.httpClient().connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void send(Notice notice) {
    String body;
    try {
      body =
          JSON.writeValueAsString(Map.of("text", "*" + notice.subject() + "*\n" + notice.text()));
    } catch (JsonProcessingException impossible) {
      throw new NotificationException("could not encode the notice", impossible);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url.reveal()))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException unreachable) {
      // Only the host is named: the rest of a webhook URL is its credential.
      Optional<String> untrusted = SecureTransport.untrustedCertificate(unreachable, request.uri());
      if (untrusted.isPresent()) {
        throw new NotificationException("webhook refused: " + untrusted.get());
      }
      throw new NotificationException(
          "webhook not reachable: " + unreachable.getClass().getSimpleName());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new NotificationException("interrupted while posting to the webhook");
    }
    if (response.statusCode() / 100 != 2) {
      throw new NotificationException("webhook answered HTTP " + response.statusCode());
    }
  }
}

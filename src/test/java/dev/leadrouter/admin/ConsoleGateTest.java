package dev.leadrouter.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.AdminSettings;
import dev.leadrouter.config.Secret;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's door: sign-in, sessions, bearer tokens, same-origin forms, the open loopback case.
 */
class ConsoleGateTest {

  private static final String TOKEN = "s3cret-console-token";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ConsoleRequest> posted = new ArrayList<>();
  private AdminServer server;

  /** A page that echoes how the caller got in, and records the forms posted to it. */
  private final ConsolePage page =
      new ConsolePage() {
        @Override
        public String path() {
          return "/console/echo";
        }

        @Override
        public ConsoleReply get(ConsoleRequest request) {
          return ConsoleReply.page("<p>access " + request.access() + "</p>");
        }

        @Override
        public ConsoleReply post(ConsoleRequest request) {
          posted.add(request);
          return ConsoleReply.seeOther("/console/echo?done=" + request.parameter("id").orElse(""));
        }
      };

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private AdminServer start(Optional<Secret> token) {
    return new AdminServer(
            new AdminSettings("127.0.0.1", 0, token),
            Set.of(),
            Set.of(),
            Set.of(page),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .start();
  }

  private String origin() {
    return "http://127.0.0.1:" + server.port();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(server.uri().resolve(path));
  }

  private HttpResponse<String> signIn(String token) throws Exception {
    return send(
        to("/console/sign-in")
            .header("Origin", origin())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
  }

  private static String sessionCookie(HttpResponse<String> signedIn) {
    String header = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    return header.substring(0, header.indexOf(';'));
  }

  @Test
  void browsersWithoutASessionGoToTheSignInFormAndScriptsGet401() throws Exception {
    server = start(Optional.of(new Secret(TOKEN)));

    HttpResponse<String> browser = send(to("/console/echo").header("Accept", "text/html"));
    assertThat(browser.statusCode()).isEqualTo(303);
    assertThat(browser.headers().firstValue("Location")).contains("/console/sign-in");
    assertThat(send(to("/console/echo")).statusCode()).isEqualTo(401);
    HttpResponse<String> form = send(to("/console/sign-in"));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<label for=\"token\">", "type=\"password\"");
  }

  @Test
  void signingInSetsAnHttpOnlyStrictCookieWithASessionIdNotTheToken() throws Exception {
    server = start(Optional.of(new Secret(TOKEN)));

    HttpResponse<String> signedIn = signIn(TOKEN);

    assertThat(signedIn.statusCode()).isEqualTo(303);
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(ConsoleGate.COOKIE + "=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/console")
        .doesNotContain(TOKEN);
    assertThat(signedIn.headers().firstValue("Location")).contains("/console/");
    HttpResponse<String> page = send(to("/console/echo").header("Cookie", sessionCookie(signedIn)));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("access SESSION");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void aWrongTokenSetsNoCookie() throws Exception {
    server = start(Optional.of(new Secret(TOKEN)));

    HttpResponse<String> refused = signIn("guess");

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(refused.body()).contains("not the admin token").doesNotContain("guess");
  }

  @Test
  void aTokenInTheUrlSignsNobodyIn() throws Exception {
    server = start(Optional.of(new Secret(TOKEN)));

    HttpResponse<String> refused =
        send(
            to("/console/sign-in?token=" + TOKEN)
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aPageThatFailsAnswers500WithoutItsStackTrace() throws Exception {
    server =
        new AdminServer(
                new AdminSettings("127.0.0.1", 0, Optional.empty()),
                Set.of(),
                Set.of(),
                Set.of(
                    new ConsolePage() {
                      @Override
                      public String path() {
                        return "/console/broken";
                      }

                      @Override
                      public ConsoleReply get(ConsoleRequest request) {
                        throw new IllegalStateException("store <down>");
                      }
                    }),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();

    HttpResponse<String> failed = send(to("/console/broken"));

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).contains("store &lt;down&gt;").doesNotContain("at dev.leadrouter");
  }

  @Test
  void aFormFromAnotherOriginIsRefusedEvenWithASession() throws Exception {
    server = start(Optional.of(new Secret(TOKEN)));
    String cookie = sessionCookie(signIn(TOKEN));

    HttpResponse<String> forged =
        send(
            to("/console/echo")
                .header("Cookie", cookie)
                .header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=7")));
    HttpResponse<String> own =
        send(
            to("/console/echo")
                .header("Cookie", cookie)
                .header("Origin", origin())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=7")));

    HttpResponse<String> crossSite =
        send(
            to("/console/echo")
                .header("Cookie", cookie)
                .header("Origin", origin())
                .header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=8")));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(own.statusCode()).isEqualTo(303);
    assertThat(own.headers().firstValue("Location")).contains("/console/echo?done=7");
    assertThat(posted).singleElement().satisfies(r -> assertThat(r.parameter("id")).contains("7"));
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    server = start(Optional.of(new Secret(TOKEN)));
    String cookie = sessionCookie(signIn(TOKEN));

    send(
        to("/console/sign-out")
            .header("Cookie", cookie)
            .header("Origin", origin())
            .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(send(to("/console/echo").header("Cookie", cookie)).statusCode()).isEqualTo(401);
  }

  @Test
  void aBearerTokenOpensPagesForScripts() throws Exception {
    server = start(Optional.of(new Secret(TOKEN)));

    HttpResponse<String> page =
        send(to("/console/echo").header("Authorization", "Bearer " + TOKEN));

    assertThat(page.body()).contains("access TOKEN");
  }

  @Test
  void withoutATokenOnLoopbackTheConsoleIsOpenAndSaysSo() throws Exception {
    server = start(Optional.empty());

    assertThat(send(to("/console/echo")).body()).contains("access OPEN");
    assertThat(send(to("/")).headers().firstValue("Location")).contains("/console/");
    assertThat(server.consoleUri()).contains(URI.create(origin() + "/console/"));
  }

  @Test
  void theOtherAdminPathsAreUnchanged() throws Exception {
    server = start(Optional.of(new Secret(TOKEN)));

    assertThat(send(to("/health")).statusCode()).isEqualTo(200);
    assertThat(send(to("/metrics")).statusCode()).isEqualTo(401);
    assertThat(send(to("/console/console.css")).body()).contains("font");
  }
}

package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import dev.leadrouter.admin.AdminServer;
import dev.leadrouter.config.AdminSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.console.ConsoleModule;
import dev.leadrouter.console.RulesInForce;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.store.DeadLetter;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ops console in headless Chromium against the real worker and the demo org: sign in with the
 * token, find a lead by e-mail, read why it went where it did, replay a dead letter; and nothing
 * without the token. Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run}
 * installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String TOKEN = "console-it-token-5f2c9e";

  private final Clock clock = Clock.systemUTC();
  private Org demo;
  private TestOrg org;
  private WorkerAssembly assembly;
  private URI console;
  private ChromeDriverService driverService;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void start(@TempDir Path scratch) throws Exception {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as(
            "the console's browser tests need %s and %s: install the Debian packages"
                + " 'chromium chromium-driver' (apt-get install -y chromium chromium-driver;"
                + " .ci/run does)",
            CHROMIUM, CHROMEDRIVER)
        .isTrue();
    demo = DemoOrgGenerator.org(clock);
    org = TestOrg.demo(demo, clock);
    var rules = new YamlRuleSetLoader().load(Path.of("config/demo/rules.yaml"));
    assembly =
        new WorkerHarness(org, WorkerHarness.h2In(scratch.resolve("store")), clock)
            .assembleWithAdmin(
                rules,
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(AdminSettings.class)
                        .toInstance(
                            new AdminSettings("127.0.0.1", 0, Optional.of(new Secret(TOKEN))));
                  }
                },
                new ConsoleModule(RulesInForce.fixed("config/demo/rules.yaml", () -> rules)));
    Worker worker = assembly.worker();
    worker.start();
    AdminServer admin = assembly.startAdmin();
    console = admin.consoleUri().orElseThrow();
    await().atMost(WAIT).until(worker::isSubscribed);

    driverService =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,768",
        "--user-data-dir=" + Files.createDirectories(scratch.resolve("chromium")));
    browser = new ChromeDriver(driverService, options);
    wait = new WebDriverWait(browser, WAIT);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
      if (driverService != null) {
        driverService.stop();
      }
    } finally {
      if (assembly != null) {
        assembly.close(Duration.ofSeconds(5));
      }
      if (org != null) {
        org.close();
      }
    }
  }

  @Test
  void signsInFindsALeadByEmailAndShowsWhyItWentToItsOwner() throws Exception {
    String email = "grace.console@browser-it.example";
    String leadId = org.createLead(lead("Console", "Browser IT Widgets", email));
    RoutingLog log = assembly.get(RoutingLog.class);
    await().atMost(WAIT).until(() -> !log.findByLead(leadId).isEmpty());
    LoggedDecision decision = log.findByLead(leadId).get(0);

    signIn();
    assertThat(Integer.parseInt(browser.findElement(By.id("routed-live")).getText()))
        .as("the overview counts the lead routed in the last hour")
        .isPositive();
    assertThat(browser.findElement(By.id("by-rule")).getText())
        .contains(decision.rule() == null ? "catch-all" : decision.rule());
    browser.findElement(By.linkText("Search")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    new Select(browser.findElement(By.id("field"))).selectByVisibleText("E-mail");
    browser.findElement(By.id("q")).sendKeys(email.toUpperCase(java.util.Locale.ROOT));
    browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
    WebElement results =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
    assertThat(results.getText()).contains(leadId, email, decision.owner().name());

    results.findElement(By.linkText(leadId)).click();
    WebElement rule = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule")));
    assertThat(rule.getText()).isEqualTo(decision.rule() == null ? "catch-all" : decision.rule());
    assertThat(browser.findElement(By.id("owner")).getText())
        .contains(decision.owner().name(), decision.owner().id().value());
    assertThat(browser.getTitle()).contains("Why lead " + leadId);
    assertThat(browser.findElement(By.id("reasons")).getText())
        .contains(decision.reasons().get(0).name());
  }

  @Test
  void replaysADeadLetterFromItsButton() throws Exception {
    DeadLetters deadLetters = assembly.get(DeadLetters.class);
    long before = deadLetters.list().size();
    // A lead Salesforce could not send an event for: the gap event names it but carries no values,
    // so the worker parks it; a replay reads the lead again and routes it.
    Map<String, Object> fields = lead("Gapped", "Gap Ltd", "gap.lead@browser-it.example");
    String missed =
        demo.data()
            .insert(
                SObjectType.LEAD,
                fields,
                demo.userId(DemoOrgGenerator.INTEGRATION_USER).orElseThrow())
            .id();
    Map<String, Object> gap = Events.leadGapCreated(List.of(missed));
    org.publish(gap);
    await().atMost(WAIT).until(() -> deadLetters.list().size() == before + 1);
    DeadLetter letter = deadLetters.list().get(deadLetters.list().size() - 1);
    assertThat(letter.replayed()).isFalse();

    signIn();
    browser.findElement(By.linkText("Dead letters")).click();
    WebElement row =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.id("dead-letter-" + letter.id())));
    row.findElement(By.cssSelector("button[type=submit]")).click();

    WebElement result =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-result")));
    assertThat(result.getText()).contains("Dead letter " + letter.id() + " replayed");
    assertThat(deadLetters.find(letter.id()).orElseThrow().replayed()).isTrue();
    assertThat(assembly.get(RoutingLog.class).findByLead(missed)).isNotEmpty();
    assertThat(
            browser
                .findElement(By.id("dead-letter-" + letter.id()))
                .findElements(By.tagName("button")))
        .as("a replayed letter has no Replay button")
        .isEmpty();
  }

  @Test
  void withoutTheTokenNothingIsShown() throws Exception {
    browser.manage().deleteAllCookies();
    browser.get(console.resolve("/console/search?field=email&q=x").toString());
    wait.until(ExpectedConditions.titleContains("Sign in"));
    assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    assertThat(browser.getPageSource()).doesNotContain("results");

    browser.findElement(By.id("token")).sendKeys("not-the-token");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
    assertThat(error.getText()).contains("not the admin token");
    assertThat(browser.manage().getCookies()).isEmpty();

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(console.resolve("/console/dead-letters"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
    HttpResponse<String> withBearer =
        http.send(
            HttpRequest.newBuilder(console.resolve("/console/dead-letters"))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withBearer.statusCode()).isEqualTo(200);
  }

  @Test
  void theSessionCookieHoldsNoTokenAndFormsFromOtherSitesAreRefused() throws Exception {
    signIn();
    var cookie = browser.manage().getCookieNamed("lead_router_console");
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getValue()).doesNotContain(TOKEN);

    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(console.resolve("/console/dead-letters"))
                    .header("Cookie", "lead_router_console=" + cookie.getValue())
                    .header("Origin", "http://evil.example")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("id=1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  private void signIn() {
    browser.manage().deleteAllCookies();
    browser.get(console.toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.titleContains("Overview"));
  }

  private static Map<String, Object> lead(String lastName, String company, String email) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("FirstName", "Grace");
    lead.put("LastName", lastName);
    lead.put("Company", company);
    lead.put("Email", email);
    lead.put("Country", "United States");
    lead.put("LeadSource", "Web");
    return lead;
  }
}

package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.AdminSettings;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.LogFormat;
import dev.leadrouter.config.LoggingSettings;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.PipelineSettings;
import dev.leadrouter.config.RulesSettings;
import dev.leadrouter.config.RulesSource;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.ConnectedApp;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.OrgData;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.store.Database;
import dev.leadrouter.worker.Worker;
import dev.leadrouter.worker.WorkerAssembly;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process emulated org with the worker running against it over the wire, for the end-to-end
 * benchmarks: leads are created through REST as a web form or an import creates them, and the
 * figures are read back from the org (when the owner was written) and its API usage counter.
 */
final class BenchOrg implements AutoCloseable {

  private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/");
  private static final String RULES =
      """
      version: bench-1
      settings:
        catchAllQueue: EMEA_Leads
      queues:
        - { id: %s, name: EMEA_Leads }
      users:
        - { id: %s, name: Ann Lee, timeZone: Europe/Berlin }
        - { id: %s, name: Bo Chen, timeZone: America/New_York }
      teams:
        - name: Inbound
          strategy: round_robin
          honourWorkingHours: false
          fallbackQueue: EMEA_Leads
          members:
            - { user: Ann Lee }
            - { user: Bo Chen }
      rules:
        - name: Inbound_Team
          order: 10
          criteria:
            - { field: Company, operator: is not blank }
          action: { type: team, team: Inbound }
      """;

  private final OrgServer server;
  private final WorkerAssembly assembly;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final ConnectedApp app;
  private final String token;

  BenchOrg(Clock clock, Path scratch, int bulkThreshold) throws Exception {
    Org org = Org.small(clock);
    server =
        new OrgServer(new OrgServer.Settings(0, "62.0", 2000, 100_000_000L, clock), org).start();
    app = org.apps().get(0);
    OrgData data = org.data();
    String rules =
        RULES.formatted(
            data.idWhere(SObjectType.GROUP, "DeveloperName", "EMEA_Leads").orElseThrow(),
            org.userId("ann.lee@emulator.lead-router.dev").orElseThrow(),
            org.userId("bo.chen@emulator.lead-router.dev").orElseThrow());
    Path rulesFile = scratch.resolve("rules.yaml");
    Files.writeString(rulesFile, rules);
    WorkerSettings settings =
        new WorkerSettings(
            Mode.LIVE,
            new SalesforceSettings(
                server.instanceUrl(),
                Optional.empty(),
                "62.0",
                AuthMethod.CLIENT_CREDENTIALS,
                Optional.of(app.clientId()),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new Secret(app.clientSecret())),
                Optional.empty(),
                "lead-router"),
            new StoreSettings(
                "jdbc:h2:file:" + scratch.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL",
                Optional.empty(),
                Optional.empty(),
                4),
            new RulesSettings(RulesSource.FILE, rulesFile, Duration.ofMinutes(5)),
            new PipelineSettings(1000, PipelineSettings.MAX_WRITE_BATCH_SIZE, bulkThreshold),
            new AdminSettings("127.0.0.1", 0, Optional.empty()),
            new LoggingSettings(LogFormat.TEXT));
    assembly =
        WorkerAssembly.create(
            settings,
            new YamlRuleSetLoader().load(rulesFile),
            new SimpleMeterRegistry(),
            clock,
            SalesforceClientSettings.defaults(),
            InitialReplay.NEW_ONLY);
    token = signIn();
  }

  /** Starts the worker; returns once it is subscribed. */
  void startWorker() throws Exception {
    Worker worker = assembly.worker();
    worker.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!worker.isSubscribed()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the worker did not subscribe within 30 s");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** One lead, as a web form creates it: no call options, the org's assignment rule runs. */
  HttpRequest webFormLead(int n) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("LastName", "Bench" + n);
    fields.put("Company", "Company " + n);
    fields.put("Email", "lead" + n + "@company" + n + ".example");
    fields.put("LeadSource", "Web");
    return request("POST", "/services/data/v62.0/sobjects/Lead", json.writeValueAsString(fields));
  }

  /** Up to 200 leads in one sObject Collections create, as an import does. */
  List<String> importLeads(int from, int count) throws Exception {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int n = from; n < from + count; n++) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("attributes", Map.of("type", "Lead"));
      record.put("LastName", "Import" + n);
      record.put("Company", "Company " + n);
      record.put("LeadSource", "Webinar");
      records.add(record);
    }
    HttpResponse<String> response =
        http.send(
            request(
                "POST",
                "/services/data/v62.0/composite/sobjects",
                json.writeValueAsString(Map.of("allOrNone", false, "records", records))),
            HttpResponse.BodyHandlers.ofString());
    List<String> ids = new ArrayList<>();
    for (JsonNode result : json.readTree(response.body())) {
      ids.add(result.get("id").asText());
    }
    return ids;
  }

  HttpClient http() {
    return http;
  }

  String idOf(HttpResponse<String> created) throws IOException {
    return json.readTree(created.body()).get("id").asText();
  }

  /** API calls the org has counted so far, this probe included. */
  long apiUsage() throws Exception {
    HttpResponse<String> response =
        http.send(
            request("GET", "/services/data/v62.0/query?q=SELECT+Id+FROM+User+LIMIT+1", null),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = API_USAGE.matcher(response.headers().firstValue("Sforce-Limit-Info").orElse(""));
    if (!m.find()) {
      throw new IllegalStateException("the org reported no api-usage");
    }
    return Long.parseLong(m.group(1));
  }

  /** The lead's owner-written time (its last modification), or empty while not routed. */
  Optional<Instant> ownerWrittenAt(String leadId) {
    Map<String, Object> lead = server.org().data().find(SObjectType.LEAD, leadId).orElseThrow();
    if (lead.get("Routing_Rule__c") == null) {
      return Optional.empty();
    }
    return Optional.of(parse((String) lead.get("LastModifiedDate")));
  }

  Instant createdAt(String leadId) {
    return parse(
        (String)
            server.org().data().find(SObjectType.LEAD, leadId).orElseThrow().get("CreatedDate"));
  }

  /** Bulk API jobs the worker sent. */
  long bulkJobs() {
    return Math.round(
        assembly
            .get(io.micrometer.core.instrument.MeterRegistry.class)
            .counter("leadrouter.write.batches", "path", "bulk")
            .count());
  }

  /** Leads with more than one decision in the routing log: routed twice. */
  long duplicates() throws Exception {
    try (Connection connection = assembly.get(Database.class).dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*) FROM (SELECT lead_id FROM routing_decision"
                    + " GROUP BY lead_id HAVING COUNT(*) > 1) AS twice")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static Instant parse(String salesforceDateTime) {
    return OrgData.DATE_TIME.parse(salesforceDateTime, Instant::from);
  }

  private HttpRequest request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(server.instanceUrl() + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String signIn() throws Exception {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(app.clientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(app.clientSecret(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body()).get("access_token").asText();
  }

  @Override
  public void close() throws Exception {
    try {
      assembly.close(Duration.ofSeconds(30));
    } finally {
      server.close();
    }
  }
}

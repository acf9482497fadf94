package dev.leadrouter.rules;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.InvalidRuleSetException;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.RuleSetDocument;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.salesforce.SalesforceModule;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reader against WireMock, answering each SOQL query as the REST API does ("Execute a SOQL
 * Query", https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm:
 * totalSize, done, records with attributes type and url). Metadata relationship fields answer with
 * the related record's id, as an org does, so the reader must resolve ids, not only names.
 */
class OrgRuleSetReaderTest {

  @RegisterExtension
  static final WireMockExtension ORG =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private OrgRuleSource source;

  @BeforeEach
  void wire() {
    SalesforceSettings settings =
        new SalesforceSettings(
            URI.create(ORG.baseUrl()),
            Optional.empty(),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of("3MVG9client"),
            Optional.empty(),
            Optional.<Path>empty(),
            Optional.of(new Secret("consumer-secret-value")),
            Optional.empty(),
            "lead-router");
    source =
        Guice.createInjector(
                new ClockModule(
                    Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneId.of("UTC"))),
                new SalesforceModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(SalesforceSettings.class).toInstance(settings);
                  }
                })
            .getInstance(OrgRuleSource.class);
    ORG.stubFor(
        post("/services/oauth2/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"00DRM000000CCAT!AQ4AQTokenForTests\",\"instance_url\":\""
                        + ORG.baseUrl()
                        + "\",\"id\":\"https://login.salesforce.com/id/00DRM000000CCATMA4/005RM000002ZzMEYA0\","
                        + "\"token_type\":\"Bearer\",\"issued_at\":\"1278448384422\",\"signature\":\"x\"}")));
  }

  @Test
  void readsTheSampleRecordsAsTheExampleRuleSet() {
    stubOrg(new SfdxRecordFiles().read(RuleRecordsFixtures.SAMPLE_RECORDS));

    LoadedRules loaded = source.load();

    RecordRoundTripTest.assertSameModel(
        loaded.ruleSet(), new YamlRuleSetLoader().load(RuleRecordsFixtures.EXAMPLE));
    assertThat(loaded.mode()).contains(Mode.SHADOW);
    assertThat(loaded.ruleSet().version()).isEqualTo("example-2026-11");
  }

  @Test
  void aWrongRecordIsNamedByItsDeveloperName() {
    List<MetadataRecord> records =
        new SfdxRecordFiles()
            .read(RuleRecordsFixtures.SAMPLE_RECORDS).stream()
                .map(
                    r -> {
                      if (!r.qualifiedName().equals("Routing_Criterion__mdt.Enterprise_Team_1")) {
                        return r;
                      }
                      Map<String, Object> values = new HashMap<>(r.values());
                      values.put("Operator__c", "is about");
                      return new MetadataRecord(r.type(), r.developerName(), r.label(), values);
                    })
                .toList();
    stubOrg(records);

    InvalidRuleSetException invalid =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> source.load(), InvalidRuleSetException.class);

    assertThat(invalid.getMessage())
        .contains("Routing_Criterion__mdt.Enterprise_Team_1, field Operator__c: 'is about'");
  }

  /** One answer per query: records of the type asked for, the example's users and queues. */
  private void stubOrg(List<MetadataRecord> records) {
    Map<String, String> ids = new HashMap<>();
    int n = 0;
    for (MetadataRecord record : records) {
      ids.put(
          record.qualifiedName(),
          String.format("m0%dRM%010d", RuleMetadata.TYPES.indexOf(record.type()), ++n));
    }
    for (String type : RuleMetadata.TYPES) {
      ArrayNode rows = JSON.createArrayNode();
      for (MetadataRecord record : records) {
        if (!record.type().equals(type)) {
          continue;
        }
        ObjectNode row = rows.addObject();
        String id = ids.get(record.qualifiedName());
        row.putObject("attributes")
            .put("type", type)
            .put("url", "/services/data/v62.0/sobjects/" + type + "/" + id);
        row.put("Id", id);
        row.put("DeveloperName", record.developerName());
        row.put("MasterLabel", record.label());
        for (String field : RuleMetadata.fields(type)) {
          Object value = record.values().get(field);
          String target = relationshipTarget(type, field);
          if (value == null) {
            row.putNull(field);
          } else if (target != null) {
            row.put(field, ids.getOrDefault(target + "." + value, "m00RM0000000000"));
          } else if (value instanceof Boolean b) {
            row.put(field, b);
          } else if (value instanceof BigDecimal d) {
            row.put(field, d.doubleValue());
          } else {
            row.put(field, value.toString());
          }
        }
      }
      ORG.stubFor(
          get(urlPathEqualTo("/services/data/v62.0/query"))
              .withQueryParam("q", containing("FROM " + type))
              .willReturn(okJson(page(rows))));
    }
    RuleSetDocument doc = RuleRecordsFixtures.exampleDocument();
    ArrayNode users = JSON.createArrayNode();
    for (OrgUser user : RuleRecordsFixtures.users(doc)) {
      ObjectNode row = users.addObject();
      row.putObject("attributes")
          .put("type", "User")
          .put("url", "/services/data/v62.0/sobjects/User/" + user.id());
      row.put("Id", user.id()).put("Name", user.name()).put("IsActive", user.active());
      row.put("TimeZoneSidKey", user.timeZone());
    }
    ORG.stubFor(
        get(urlPathEqualTo("/services/data/v62.0/query"))
            .withQueryParam("q", containing("FROM User"))
            .willReturn(okJson(page(users))));
    ArrayNode queues = JSON.createArrayNode();
    for (OrgQueue queue : RuleRecordsFixtures.queues(doc)) {
      ObjectNode row = queues.addObject();
      row.putObject("attributes")
          .put("type", "Group")
          .put("url", "/services/data/v62.0/sobjects/Group/" + queue.id());
      row.put("Id", queue.id()).put("DeveloperName", queue.developerName());
    }
    ORG.stubFor(
        get(urlPathEqualTo("/services/data/v62.0/query"))
            .withQueryParam("q", containing("FROM Group"))
            .willReturn(okJson(page(queues))));
  }

  private static String relationshipTarget(String type, String field) {
    return switch (type + "." + field) {
      case "Routing_Criterion__mdt.Rule__c" -> RuleMetadata.RULE;
      case "Routing_Criterion__mdt.Score_Rule__c" -> RuleMetadata.SCORE_RULE;
      case "Routing_Team_Member__mdt.Team__c",
          "Routing_Territory__mdt.Team__c",
          "Routing_Rule__mdt.Team__c" ->
          RuleMetadata.TEAM;
      default -> null;
    };
  }

  private static String page(ArrayNode rows) {
    ObjectNode page = JSON.createObjectNode();
    page.put("totalSize", rows.size()).put("done", true).set("records", rows);
    return page.toString();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body);
  }
}

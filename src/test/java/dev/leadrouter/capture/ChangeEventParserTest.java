package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeEventParserTest {

  private final ChangeEventParser parser = new ChangeEventParser();

  @Test
  void aCreateCarriesTheHeaderAndFlattenedCompoundFields() {
    ChangeEvent event = parsed("lead-create.json");

    assertThat(event.channel()).isEqualTo("/data/LeadChangeEvent");
    assertThat(event.replayId()).isEqualTo(32873027L);
    assertThat(event.schema()).isEqualTo("fl8pv4oUvtbyFAwJQO2NAQ");
    ChangeEventHeader header = event.header();
    assertThat(header.entityName()).isEqualTo("Lead");
    assertThat(header.recordIds()).containsExactly("00Q5f000005bwLFEAY");
    assertThat(header.changeType()).isEqualTo(ChangeType.CREATE);
    assertThat(header.sequenceNumber()).isEqualTo(1);
    assertThat(header.commitTimestamp()).isEqualTo(Instant.parse("2019-05-02T11:27:36Z"));
    assertThat(header.commitNumber()).isEqualTo(1100638524517L);
    assertThat(header.commitUser()).isEqualTo("0055f000005mc66AAA");
    assertThat(event.fields())
        .contains(
            entry("FirstName", "Ann"),
            entry("LastName", "Lee"),
            entry("Salutation", "Ms."),
            entry("Street", "Hauptstr. 1"),
            entry("City", "München"),
            entry("CountryCode", "DE"),
            entry("AnnualRevenue", "12500000"),
            entry("NumberOfEmployees", "250"),
            entry("HasOptedOutOfEmail", "false"),
            entry("CreatedDate", "2019-05-02T11:27:36Z"))
        .doesNotContainKeys("Name", "Address", "ChangeEventHeader");
  }

  @Test
  void anUpdateKeepsNullsAsExplicitEntriesAndToleratesAnyKeyOrder() {
    ChangeEvent event = parsed("lead-update.json");

    assertThat(event.header().changeType()).isEqualTo(ChangeType.UPDATE);
    assertThat(event.header().changedFields())
        .containsExactly("Status", "Phone", "LastModifiedDate");
    assertThat(event.header().commitTimestamp()).isEqualTo(Instant.parse("2024-04-26T17:49:40Z"));
    assertThat(event.header().changeOrigin().client()).isEqualTo("router");
    assertThat(event.fields()).containsEntry("Phone", null).hasSize(3);
    assertThat(event.has("Phone")).isTrue();
    assertThat(event.has("Email")).isFalse();
    assertThat(event.fields()).containsEntry("LastModifiedDate", "2024-04-26T17:49:40.000Z");
  }

  @Test
  void aDeleteHasNoFields() {
    ChangeEvent event = parsed("lead-delete.json");

    assertThat(event.header().changeType()).isEqualTo(ChangeType.DELETE);
    assertThat(event.fields()).isEmpty();
    assertThat(event.header().changeOrigin().client()).isEmpty();
  }

  @Test
  void gapAndOverflowEventsAskForReconciliation() {
    ChangeEvent gap = parsed("lead-gap.json");
    ChangeEvent overflow = parsed("lead-overflow.json");

    assertThat(gap.header().changeType()).isEqualTo(ChangeType.GAP_UPDATE);
    assertThat(gap.header().changeType().needsReconciliation()).isTrue();
    assertThat(gap.header().recordIds()).hasSize(2);
    assertThat(gap.header().changeOrigin()).isEqualTo(ChangeOrigin.NONE);
    assertThat(overflow.header().changeType()).isEqualTo(ChangeType.GAP_OVERFLOW);
    assertThat(overflow.header().recordIds()).containsExactly("000000000000000AAA");
  }

  @Test
  void addressComponentsTakeTheObjectsFieldNames() {
    ChangeEvent event = parsed("account-update-billing.json");

    assertThat(event.fields())
        .containsOnly(
            entry("BillingCity", "San Francisco"),
            entry("BillingState", "California"),
            entry("BillingStateCode", "CA"),
            entry("LastModifiedDate", "2024-09-03T09:56:05.000Z"));
    assertThat(event.header().changeOrigin().isFrom("lead-router")).isTrue();
  }

  @Test
  void parsesTheMapCometDHandsOver() {
    Map<String, Object> header = new HashMap<>();
    header.put("entityName", "Lead");
    header.put("changeType", "SNAPSHOT");
    header.put("commitTimestamp", 1714153780000L);
    header.put("recordIds", List.of("00Q5f000005bwLFEAY"));
    Map<String, Object> payload = new HashMap<>();
    payload.put("ChangeEventHeader", header);
    payload.put("Rating", null);
    Map<String, Object> data = Map.of("payload", payload, "event", Map.of("replayId", 7));

    ParseResult result = parser.parse("/data/LeadChangeEvent", data);

    assertThat(result).isInstanceOf(ChangeEvent.class);
    ChangeEvent event = (ChangeEvent) result;
    assertThat(event.header().changeType()).isEqualTo(ChangeType.UNKNOWN);
    assertThat(event.replayId()).isEqualTo(7L);
    assertThat(event.fields()).containsEntry("Rating", null);
    assertThat(event.header().changeOrigin()).isEqualTo(ChangeOrigin.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{}",
        "{\"event\":{\"replayId\":5}}",
        "{\"event\":{\"replayId\":\"x\"},\"payload\":{}}",
        "{\"event\":{\"replayId\":5},\"payload\":{\"Status\":\"Open\"}}",
        "{\"event\":{\"replayId\":5},\"payload\":{\"ChangeEventHeader\":{\"changeType\":\"CREATE\","
            + "\"commitTimestamp\":1}}}",
        "{\"event\":{\"replayId\":5},\"payload\":{\"ChangeEventHeader\":{\"entityName\":\"Lead\","
            + "\"changeType\":\"CREATE\"}}}",
        "{\"event\":{\"replayId\":5},\"payload\":{\"ChangeEventHeader\":{\"entityName\":\"Lead\","
            + "\"changeType\":\"CREATE\",\"commitTimestamp\":1,\"recordIds\":\"00Q\"}}}",
        "{\"event\":{\"replayId\":5},\"payload\":{\"ChangeEventHeader\":{\"entityName\":\"Lead\","
            + "\"changeType\":\"CREATE\",\"commitTimestamp\":1},\"Tags\":[\"a\"]}}"
      })
  void badInputBecomesAMalformedEventWithTheRawPayload(String data) {
    ParseResult result = parser.parseJson("/data/LeadChangeEvent", data);

    assertThat(result).isInstanceOf(MalformedEvent.class);
    MalformedEvent malformed = (MalformedEvent) result;
    assertThat(malformed.reason()).isNotBlank();
    assertThat(malformed.rawPayload()).isNotBlank();
    assertThat(malformed.channel()).isEqualTo("/data/LeadChangeEvent");
  }

  @Test
  void aNullMapIsMalformedToo() {
    assertThat(parser.parse("/data/LeadChangeEvent", null)).isInstanceOf(MalformedEvent.class);
    assertThat(parser.parseMessageJson("{\"channel\":\"/data/X\"}"))
        .isInstanceOf(MalformedEvent.class);
  }

  private ChangeEvent parsed(String fixture) {
    ParseResult result = parser.parseMessageJson(read(fixture));
    assertThat(result).isInstanceOf(ChangeEvent.class);
    return (ChangeEvent) result;
  }

  static String read(String fixture) {
    try (InputStream in = ChangeEventParserTest.class.getResourceAsStream("/capture/" + fixture)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

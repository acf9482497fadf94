package dev.leadrouter.emulator.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.emulator.org.RecordChange;
import dev.leadrouter.emulator.org.SObjectType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Body rules of
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_body.htm
// and header fields of
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm
class ChangeEventsTest {

  private static final String LEAD = "00Q5f000005bwLFEAY";
  private static final String USER = "0055f000005mc66AAA";

  private final Map<String, List<Map<String, Object>>> published = new HashMap<>();
  private final ChangeEvents events =
      new ChangeEvents(
          (channel, data) -> {
            published.computeIfAbsent(channel, c -> new ArrayList<>()).add(data);
            return published.get(channel).size();
          },
          Clock.fixed(Instant.ofEpochMilli(1714153780000L), ZoneId.of("America/Los_Angeles")),
          "62.0");

  @Test
  void createCarriesNonEmptyFieldsWithCompoundsNestedAndIsoDates() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("Id", LEAD);
    record.put("FirstName", "Ann");
    record.put("LastName", "Lee");
    record.put("Name", "Ann Lee");
    record.put("Company", "Acme");
    record.put("Email", null);
    record.put("City", "Berlin");
    record.put("CreatedDate", "2024-04-26T17:49:40.000+0000");
    record.put("SystemModstamp", "2024-04-26T17:49:40.000+0000");

    events.restTransaction(USER, Optional.empty()).created(change(record, record));

    Map<String, Object> payload = payload("/data/LeadChangeEvent", 0);
    assertThat(payload)
        .containsOnlyKeys("ChangeEventHeader", "Name", "Company", "Address", "CreatedDate")
        .containsEntry("Name", Map.of("FirstName", "Ann", "LastName", "Lee"))
        .containsEntry("Address", Map.of("City", "Berlin"))
        .containsEntry("CreatedDate", "2024-04-26T17:49:40.000Z");
    assertThat(header(payload))
        .containsEntry("changeType", "CREATE")
        .containsEntry("changeOrigin", "com/salesforce/api/rest/62.0")
        .containsEntry("commitUser", USER)
        .containsEntry("commitTimestamp", 1714153780000L)
        .containsEntry("changedFields", List.of())
        .containsEntry("recordIds", List.of(LEAD));
    assertThat(published.get("/data/ChangeEvents")).hasSize(1);
  }

  @Test
  void updateCarriesChangedFieldsNullsIncludedInOneTransaction() {
    Map<String, Object> changed = new LinkedHashMap<>();
    changed.put("Status", "Working - Contacted");
    changed.put("Email", null);
    changed.put("FirstName", "Anna");
    changed.put("LastModifiedDate", "2024-04-26T17:49:40.000+0000");
    ChangeEvents.Transaction transaction = events.restTransaction(USER, Optional.of("router"));

    transaction.updated(change(Map.of("Id", LEAD), changed));
    transaction.deleted(change(Map.of("Id", LEAD), Map.of()));

    Map<String, Object> update = payload("/data/LeadChangeEvent", 0);
    assertThat(update)
        .containsEntry("Status", "Working - Contacted")
        .containsEntry("Email", null)
        .containsEntry("Name", Map.of("FirstName", "Anna"))
        .containsEntry("LastModifiedDate", "2024-04-26T17:49:40.000Z");
    assertThat(header(update))
        .containsEntry("changeOrigin", "com/salesforce/api/rest/62.0;client=router")
        .containsEntry("sequenceNumber", 1)
        .containsEntry(
            "changedFields", List.of("Status", "Email", "Name.FirstName", "LastModifiedDate"));
    Map<String, Object> delete = payload("/data/LeadChangeEvent", 1);
    assertThat(delete).containsOnlyKeys("ChangeEventHeader");
    assertThat(header(delete))
        .containsEntry("changeType", "DELETE")
        .containsEntry("sequenceNumber", 2)
        .containsEntry("transactionKey", header(update).get("transactionKey"));
  }

  private static RecordChange change(Map<String, Object> record, Map<String, Object> changed) {
    return new RecordChange(SObjectType.LEAD, LEAD, record, changed);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> payload(String channel, int index) {
    return (Map<String, Object>) published.get(channel).get(index).get("payload");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> header(Map<String, Object> payload) {
    return (Map<String, Object>) payload.get("ChangeEventHeader");
  }
}

package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventParser;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadEventsTest {

  private final ChangeEventParser parser = new ChangeEventParser();

  private ChangeEvent event(List<String> ids) {
    Map<String, Object> data = new java.util.LinkedHashMap<>(Events.leadCreated(ids, "Acme"));
    data.put("event", Map.of("replayId", 7));
    return (ChangeEvent) parser.parse(WorkerModule.LEAD_CHANNEL, data);
  }

  @Test
  void aCreationEventGivesOneLeadPerRecordIdWithTheEventsFields() {
    String second = new SalesforceId("00Q5f000005bwL1").value();
    List<Lead> leads = LeadEvents.leads(event(List.of("00Q5f000005bwL0", second)));

    assertThat(leads)
        .extracting(Lead::id)
        .containsExactly(new SalesforceId("00Q5f000005bwL0").value(), second);
    assertThat(leads.get(0).get("Company")).isEqualTo("Acme");
    assertThat(LeadEvents.isLeadCreation(event(List.of("00Q5f000005bwL0")))).isTrue();
  }

  @Test
  void idsThatAreNotLeadsMakeTheEventUnroutable() {
    assertThatThrownBy(() -> LeadEvents.leads(event(List.of("00Q*"))))
        .hasMessageContaining("'00Q*' is not a lead id");
    assertThatThrownBy(() -> LeadEvents.leads(event(List.of("0015f000005bwL0"))))
        .hasMessageContaining("not a lead id");
    assertThatThrownBy(() -> LeadEvents.leads(event(List.of())))
        .hasMessageContaining("no record ids");
  }

  @Test
  void aParkedEventParsesBackToTheSameEvent() {
    ChangeEvent original = event(List.of("00Q5f000005bwL0"));

    ChangeEvent again =
        (ChangeEvent) parser.parseJson(WorkerModule.LEAD_CHANNEL, new EventJson().write(original));

    assertThat(again).isEqualTo(original);
  }
}

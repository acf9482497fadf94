package dev.leadrouter.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplatesTest {

  private static final Map<String, String> VALUES =
      Map.of("lead", "00Q1", "owner", "Ann", "minutesLate", "6", "dueAt", "2026-11-24T15:05:00Z");

  @Test
  void theBuiltInBreachMessageFillsInTheLeadAndOwner() {
    Notice notice =
        new MessageTemplates(Optional.empty()).render("sla-breach", VALUES, List.of("a@b.c"));

    assertThat(notice.subject()).isEqualTo("SLA missed: 00Q1 is still untouched (6 min late)");
    assertThat(notice.text()).startsWith("Ann, the lead 00Q1").contains("2026-11-24T15:05:00Z");
    assertThat(notice.recipients()).containsExactly("a@b.c");
  }

  @Test
  void anAdminsFileReplacesTheBuiltInTextAndUnknownPlaceholdersStayVisible(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("sla-breach.txt"), "Zu spät: ${lead}\nHallo ${owner}, bitte ${typo}.\n");

    Notice notice = new MessageTemplates(Optional.of(dir)).render("sla-breach", VALUES, List.of());

    assertThat(notice.subject()).isEqualTo("Zu spät: 00Q1");
    assertThat(notice.text()).isEqualTo("Hallo Ann, bitte ${typo}.");
  }
}

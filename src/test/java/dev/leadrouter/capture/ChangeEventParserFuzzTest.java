package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Whatever arrives on the stream, the parser gives a {@link ChangeEvent} or a {@link
 * MalformedEvent} with a reason; nothing escapes it, so one bad message cannot stop the stream.
 * Seeds: {@code ChangeEventParserFuzzTestInputs/}.
 */
class ChangeEventParserFuzzTest {

  private final ChangeEventParser parser = new ChangeEventParser();

  @FuzzTest(maxDuration = "60s")
  void aWholeMessageParsesOrIsRejectedWithAReason(byte[] data) {
    // Each input is bounded, so a hang fails that input instead of stalling the run.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> aWholeMessageParsesOrIsRejectedWithAReasonChecked(data));
  }

  private void aWholeMessageParsesOrIsRejectedWithAReasonChecked(byte[] data) {
    String message = new String(data, StandardCharsets.UTF_8);

    assertParsedOrRejectedWithReason(parser.parseMessageJson(message), message);
  }

  @FuzzTest(maxDuration = "60s")
  void messageDataParsesOrIsRejectedWithAReason(byte[] data) {
    // Each input is bounded, so a hang fails that input instead of stalling the run.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> messageDataParsesOrIsRejectedWithAReasonChecked(data));
  }

  private void messageDataParsesOrIsRejectedWithAReasonChecked(byte[] data) {
    String channel = "/data/LeadChangeEvent";
    String json = new String(data, StandardCharsets.UTF_8);

    ParseResult result = parser.parseJson(channel, json);

    assertParsedOrRejectedWithReason(result, json);
    assertThat(result.channel()).isEqualTo(channel);
  }

  private static void assertParsedOrRejectedWithReason(ParseResult result, String input) {
    assertThat(result).isNotNull();
    if (result instanceof MalformedEvent malformed) {
      assertThat(malformed.reason()).as("reason for %s", input).isNotBlank();
      assertThat(malformed.rawPayload()).as("the message is kept for replay").isNotNull();
    } else {
      ChangeEvent event = (ChangeEvent) result;
      assertThat(event.header().entityName()).isNotEmpty();
      assertThat(event.header().changeType()).isNotNull();
    }
  }
}

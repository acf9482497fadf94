package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cometd.common.HashMapMessage;
import org.junit.jupiter.api.Test;

class StreamingErrorTest {

  @Test
  void readsSalesforcesCodeAndText() {
    StreamingError error = StreamingError.parse("401::Authentication invalid");

    assertThat(error.code()).isEqualTo(401);
    assertThat(error.text()).isEqualTo("Authentication invalid");
    assertThat(error.isAuthenticationInvalid()).isTrue();
    assertThat(error).hasToString("401::Authentication invalid");
  }

  @Test
  void recognisesAnInvalidReplayIdButNotAMismatchedReplayMap() {
    assertThat(
            StreamingError.parse(
                    "400::The replayId {82} you provided was invalid. Please provide a valid ID,"
                        + " -2 to replay all events, or -1 to replay only new events.")
                .isInvalidReplayId())
        .isTrue();
    assertThat(
            StreamingError.parse(
                    "400::The replayId for channel {/topic/X} wasn't found using the provided"
                        + " replay ID map {{}}.")
                .isInvalidReplayId())
        .isFalse();
  }

  @Test
  void theFailureReasonOfARefusedHandshakeWins() {
    HashMapMessage reply = new HashMapMessage();
    reply.put("error", "403::Handshake denied");
    reply.getExt(true).put("sfdc", Map.of("failureReason", "401::Authentication invalid"));

    assertThat(StreamingError.of(reply).code()).isEqualTo(401);
  }

  @Test
  void textThatIsNotSalesforcesShapeIsKeptWhole() {
    assertThat(StreamingError.parse("boom")).isEqualTo(new StreamingError(0, "boom"));
    assertThat(StreamingError.parse("x::y")).isEqualTo(new StreamingError(0, "x::y"));
    assertThat(StreamingError.of(new HashMapMessage()).code()).isZero();
  }
}

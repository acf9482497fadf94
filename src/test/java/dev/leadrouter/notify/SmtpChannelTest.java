package dev.leadrouter.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.SmtpSettings;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail through a real SMTP server running in the test (GreenMail). */
class SmtpChannelTest {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

  private static SmtpSettings server(Optional<String> user, Optional<Secret> password) {
    return new SmtpSettings(
        "127.0.0.1",
        ServerSetupTest.SMTP.getPort(),
        "lead-router@example.org",
        user,
        password,
        false);
  }

  @Test
  void theOwnerAndTheManagerGetOneMessage() throws Exception {
    new SmtpChannel(server(Optional.empty(), Optional.empty()))
        .send(
            new Notice(
                "SLA missed: lead 00Q1 (6 min late)",
                "Ann, the lead is untouched. Ü",
                List.of("ann@example.org", "mia@example.org")));

    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per recipient mailbox
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("SLA missed: lead 00Q1 (6 min late)");
    assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString))
        .containsExactly("ann@example.org", "mia@example.org");
    assertThat(GreenMailUtil.getBody(message)).contains("Ann, the lead is untouched.");
  }

  @Test
  void aServerThatRefusesTheLoginFailsWithoutNamingThePassword() {
    MAIL.setUser("lead-router", "right-password");
    SmtpChannel channel =
        new SmtpChannel(
            server(Optional.of("lead-router"), Optional.of(new Secret("wrong-password"))));

    assertThatThrownBy(() -> channel.send(new Notice("s", "t", List.of("ann@example.org"))))
        .isInstanceOf(NotificationException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password"));
  }
}

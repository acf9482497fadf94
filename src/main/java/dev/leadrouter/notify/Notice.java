package dev.leadrouter.notify;

import java.util.List;
import java.util.Objects;

/**
 * One message to people: a subject line, the text, and the e-mail addresses it is for (the webhook
 * posts it to its channel whoever the recipients are).
 */
public record Notice(String subject, String text, List<String> recipients) {

  public Notice {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    recipients = List.copyOf(recipients);
  }
}

package dev.leadrouter.notify;

import dev.leadrouter.config.SmtpSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** E-mail through an SMTP server, one message to all of a notice's recipients. */
public final class SmtpChannel implements NotificationChannel {

  private final SmtpSettings settings;
  private final Session session;

  public SmtpChannel(SmtpSettings settings) {
    this.settings = settings;
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    properties.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    this.session = Session.getInstance(properties);
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void send(Notice notice) {
    if (notice.recipients().isEmpty()) {
      throw new NotificationException("no e-mail address to send to");
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.from()));
      for (String recipient : notice.recipients()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
      }
      message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
      message.setText(notice.text(), StandardCharsets.UTF_8.name());
      if (settings.username().isPresent()) {
        Transport.send(
            message,
            settings.username().get(),
            settings.password().map(p -> p.reveal()).orElse(""));
      } else {
        Transport.send(message);
      }
    } catch (MessagingException failed) {
      // The server's message names no password; the exception type says what went wrong.
      throw new NotificationException(
          "e-mail via " + settings.host() + " failed: " + failed.getClass().getSimpleName());
    }
  }
}

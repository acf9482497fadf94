package dev.leadrouter.notify;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a notice on every configured channel; one failing channel does not stop the others. */
public final class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final List<NotificationChannel> channels;

  public Notifier(List<NotificationChannel> channels) {
    this.channels = List.copyOf(channels);
  }

  public boolean hasChannels() {
    return !channels.isEmpty();
  }

  /**
   * @return what happened on each channel, e.g. {@code "webhook: sent; email: sent"}
   * @throws NotificationException when no channel delivered it, so the caller tries again later
   */
  public String send(Notice notice) {
    List<String> outcomes = new ArrayList<>();
    boolean delivered = false;
    for (NotificationChannel channel : channels) {
      try {
        channel.send(notice);
        outcomes.add(channel.name() + ": sent");
        delivered = true;
      } catch (NotificationException failed) {
        log.warn(
            "notice '{}' not sent by {}: {}",
            notice.subject(),
            channel.name(),
            failed.getMessage());
        outcomes.add(channel.name() + ": " + failed.getMessage());
      }
    }
    String summary = String.join("; ", outcomes);
    if (!delivered) {
      throw new NotificationException("no channel delivered the notice (" + summary + ")");
    }
    return summary;
  }
}

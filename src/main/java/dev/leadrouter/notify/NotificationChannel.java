package dev.leadrouter.notify;

/** One way of telling people: a chat webhook, e-mail. */
public interface NotificationChannel {

  /** For logs and the escalation record, e.g. {@code webhook}. */
  String name();

  /**
   * Delivers the notice once.
   *
   * @throws NotificationException when it was not delivered
   */
  void send(Notice notice);
}

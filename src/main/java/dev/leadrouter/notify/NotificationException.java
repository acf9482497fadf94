package dev.leadrouter.notify;

/** A notice could not be delivered on a channel. Never carries a secret (webhook URL, password). */
public final class NotificationException extends RuntimeException {

  public NotificationException(String message) {
    super(message);
  }

  public NotificationException(String message, Throwable cause) {
    super(message, cause);
  }
}

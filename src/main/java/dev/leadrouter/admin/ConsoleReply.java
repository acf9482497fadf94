package dev.leadrouter.admin;

/**
 * What a console page answers.
 *
 * @param location where a {@code 303 See Other} sends the browser, or {@code null}
 */
public record ConsoleReply(int status, String contentType, String body, String location) {

  static final String HTML = "text/html; charset=utf-8";

  public static ConsoleReply page(String html) {
    return new ConsoleReply(200, HTML, html, null);
  }

  public static ConsoleReply page(int status, String html) {
    return new ConsoleReply(status, HTML, html, null);
  }

  /** After a POST, sends the browser to a page it can reload safely (post/redirect/get). */
  public static ConsoleReply seeOther(String location) {
    return new ConsoleReply(303, HTML, "", location);
  }

  static ConsoleReply notAllowed() {
    return new ConsoleReply(405, "text/plain; charset=utf-8", "not allowed\n", null);
  }
}

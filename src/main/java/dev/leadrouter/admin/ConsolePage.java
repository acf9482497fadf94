package dev.leadrouter.admin;

/**
 * A page of the ops console under {@code /console/}, rendered on the server. The admin server signs
 * the browser in, checks the session (or bearer token) and, for a POST, that the form came from the
 * console itself, before it asks a page for anything; pages only render. Bound with a Guice
 * multibinder, as {@link AdminAction}s are.
 */
public interface ConsolePage {

  /** The path it answers, e.g. {@code /console/search}; unique among pages. */
  String path();

  /** Renders it for a GET. */
  ConsoleReply get(ConsoleRequest request) throws Exception;

  /** Handles a form POSTed to it; by default pages take none. */
  default ConsoleReply post(ConsoleRequest request) throws Exception {
    return ConsoleReply.notAllowed();
  }
}

package dev.leadrouter.admin;

import java.util.List;

/**
 * What every console page shows around its content: the title, the navigation with the current
 * section marked, and how the caller got in (a sign-out button for a session, a warning when the
 * console is open because no token is set).
 *
 * @param section the navigation entry to mark as current, e.g. {@code search}
 */
public record ConsoleChrome(String title, String section, ConsoleRequest.Access access) {

  /** A navigation entry. */
  public record Link(String key, String href, String label) {}

  public static final List<Link> NAVIGATION =
      List.of(
          new Link("overview", "/console/", "Overview"),
          new Link("search", "/console/search", "Search"),
          new Link("sla", "/console/sla", "SLA board"),
          new Link("shadow", "/console/shadow", "Shadow vs actual"),
          new Link("rules", "/console/rules", "Rules"),
          new Link("dead-letters", "/console/dead-letters", "Dead letters"));

  public List<Link> navigation() {
    return NAVIGATION;
  }

  public boolean open() {
    return access == ConsoleRequest.Access.OPEN;
  }

  public boolean signedIn() {
    return access == ConsoleRequest.Access.SESSION;
  }
}

package dev.leadrouter.capture;

/**
 * Who made a change, parsed from the header's {@code changeOrigin}, e.g. {@code
 * com/salesforce/api/rest/62.0;client=lead-router}. The client part comes from the caller's {@code
 * Sforce-Call-Options: client=...} and is empty when not set; the whole value is empty for changes
 * not made through an API.
 *
 * @param raw the value as sent
 * @param api the API name ({@code rest}, {@code soap}, {@code bulkapi}, ...) or empty
 * @param version the API version or empty
 * @param client the client id or empty
 */
public record ChangeOrigin(String raw, String api, String version, String client) {

  private static final String PREFIX = "com/salesforce/api/";
  private static final String CLIENT = "client=";

  public static final ChangeOrigin NONE = new ChangeOrigin("", "", "", "");

  /** Never throws; anything unrecognised keeps its raw text and has empty parts. */
  public static ChangeOrigin parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    String path = text;
    String client = "";
    int semicolon = text.indexOf(';');
    if (semicolon >= 0) {
      path = text.substring(0, semicolon);
      for (String option : text.substring(semicolon + 1).split(";")) {
        String trimmed = option.trim();
        if (trimmed.startsWith(CLIENT)) {
          client = trimmed.substring(CLIENT.length());
        }
      }
    }
    String api = "";
    String version = "";
    if (path.startsWith(PREFIX)) {
      String[] parts = path.substring(PREFIX.length()).split("/", 2);
      api = parts[0];
      version = parts.length > 1 ? parts[1] : "";
    }
    return new ChangeOrigin(text, api, version, client);
  }

  /** True when the change was made by the given client, so the event is our own echo. */
  public boolean isFrom(String clientId) {
    return clientId != null && !clientId.isEmpty() && clientId.equals(client);
  }
}

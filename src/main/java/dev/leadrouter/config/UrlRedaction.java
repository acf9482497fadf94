package dev.leadrouter.config;

import java.util.regex.Pattern;

/**
 * A URL as it may be shown in a settings problem: user info, query string and password parameters
 * hidden, since people put credentials there ({@code https://user:key@host}, {@code ?api_key=},
 * {@code ;password=}). Found by SecretsNeverLeakIT: a mistyped URL was echoed whole.
 */
public final class UrlRedaction {

  private static final Pattern USER_INFO = Pattern.compile("(//)[^/?#@]*@");
  private static final Pattern USER_INFO_IN_TEXT = Pattern.compile("(//)[^/?#@\\s]*@");
  private static final Pattern QUERY = Pattern.compile("\\?.*$", Pattern.DOTALL);
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([;&]\\s*password\\s*=)[^;&]*");

  private UrlRedaction() {}

  /** The URL with user info, query string and password parameters hidden. */
  /**
   * {@code text} (an error message, say) with {@code url} shown redacted wherever it appears, and
   * any other {@code user:password@} or {@code password=} in it hidden too, in case a driver
   * rewrote the URL before quoting it. Null stays null.
   */
  public static String redactIn(String text, String url) {
    if (text == null) {
      return null;
    }
    String redacted = url.isEmpty() ? text : text.replace(url, redact(url));
    // A driver may quote the user info alone, e.g. as an unknown host "user:password@db".
    java.util.regex.Matcher userInfo = USER_INFO_IN_TEXT.matcher(url);
    if (userInfo.find()) {
      String info = userInfo.group().substring(2, userInfo.group().length() - 1);
      int colon = info.indexOf(':');
      if (colon >= 0 && colon < info.length() - 1) {
        redacted = redacted.replace(info.substring(colon + 1), "***");
      }
      if (!info.isEmpty()) {
        redacted = redacted.replace(info, "***");
      }
    }
    redacted = USER_INFO_IN_TEXT.matcher(redacted).replaceAll("$1***@");
    return PASSWORD_PARAMETER.matcher(redacted).replaceAll("$1***");
  }

  public static String redact(String url) {
    String redacted = USER_INFO.matcher(url).replaceAll("$1***@");
    redacted = PASSWORD_PARAMETER.matcher(redacted).replaceAll("$1***");
    return QUERY.matcher(redacted).replaceAll("?***");
  }
}

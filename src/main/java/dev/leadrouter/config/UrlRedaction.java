package dev.leadrouter.config;

import java.util.regex.Pattern;

/**
 * A URL as it may be shown in a settings problem: user info, query string and password parameters
 * hidden, since people put credentials there ({@code https://user:key@host}, {@code ?api_key=},
 * {@code ;password=}). Found by SecretsNeverLeakIT: a mistyped URL was echoed whole.
 */
final class UrlRedaction {

  private static final Pattern USER_INFO = Pattern.compile("(//)[^/?#@]*@");
  private static final Pattern QUERY = Pattern.compile("\\?.*$", Pattern.DOTALL);
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([;&]\\s*password\\s*=)[^;&]*");

  private UrlRedaction() {}

  static String redact(String url) {
    String redacted = USER_INFO.matcher(url).replaceAll("$1***@");
    redacted = PASSWORD_PARAMETER.matcher(redacted).replaceAll("$1***");
    return QUERY.matcher(redacted).replaceAll("?***");
  }
}

package dev.leadrouter.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL split into the URL without credentials and the user and password it carried ({@code
 * //user:password@host}, {@code ;PASSWORD=...}, {@code ?password=...}). The pool gets the clean URL
 * and the credentials as properties, so Hikari's configuration log and the drivers' error messages
 * never hold them.
 *
 * @param url the URL without user info or password parameter
 * @param user the user from the URL's user info, if any
 * @param password the password from the user info or a password parameter, if any
 */
record JdbcCredentials(String url, Optional<String> user, Optional<String> password) {

  private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[^/]*//)([^/?#@]*)@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([;&?])\\s*password\\s*=([^;&]*)");

  static JdbcCredentials split(String jdbcUrl) {
    String url = jdbcUrl;
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    Matcher info = USER_INFO.matcher(url);
    if (info.find()) {
      String userInfo = info.group(2);
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        password = Optional.of(decode(userInfo.substring(colon + 1)));
      }
      url = info.group(1) + url.substring(info.end());
    }
    Matcher parameter = PASSWORD_PARAMETER.matcher(url);
    if (parameter.find()) {
      password = Optional.of(parameter.group(2));
      String separator = parameter.group(1);
      String rest = url.substring(parameter.end());
      // "?password=x&ssl=true" keeps "?ssl=true"; ";PASSWORD=x;A=b" keeps ";A=b".
      String after = separator.equals("?") && rest.startsWith("&") ? "?" + rest.substring(1) : rest;
      url = url.substring(0, parameter.start()) + after;
    }
    return new JdbcCredentials(url, user.filter(u -> !u.isEmpty()), password);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}

package dev.leadrouter.normalize;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reduces an email address or a website to its registrable domain ("acme.co.uk"), and tells whether
 * a domain belongs to a free-mail provider.
 *
 * <p>The registrable domain is the public suffix plus one label, per the Public Suffix List that
 * Guava ships, so "www.shop.acme.co.uk" and "ann@mail.sales.acme.co.uk" both give "acme.co.uk".
 * Hosts without a public suffix ("acme", "localhost"), IP addresses and placeholders give nothing.
 *
 * <p>Internationalized domains are returned in lower-case <em>Unicode</em> form, because that is
 * how admins type them into rules; punycode input ("xn--mller-kva.de") is converted, so both
 * spellings meet at "müller.de". The conversion follows the JDK's IDNA 2003 mapping, under which
 * "ß" becomes "ss" ("straße.de" gives "strasse.de").
 */
public final class DomainNormalizer {

  static final String FREE_MAIL_RESOURCE = "normalize/free-mail-domains.txt";

  /** Longest DNS name is 253 characters; allow some room for a scheme, path and query. */
  private static final int MAX_INPUT_LENGTH = 2048;

  /**
   * Hosts repeat all day long (gmail.com, the same customers' domains), and finding the registrable
   * domain walks the Public Suffix List after an IDNA conversion: a few microseconds that would
   * otherwise dominate a decision. Bounded, so a flood of unique hosts cannot grow it.
   */
  private static final int CACHED_HOSTS = 100_000;

  private final Set<String> freeMailDomains;
  private final LoadingCache<String, Optional<String>> registrableByHost =
      Caffeine.newBuilder().maximumSize(CACHED_HOSTS).build(DomainNormalizer::registrableDomain);

  /** Loads the bundled free-mail domain list. */
  public DomainNormalizer() {
    Set<String> domains = new HashSet<>();
    for (ResourceLines.Line line : ResourceLines.read(FREE_MAIL_RESOURCE)) {
      String domain = line.text();
      if (!domain.equals(domain.toLowerCase(Locale.ROOT)) || domain.indexOf('.') < 0) {
        throw line.error("expected a lower-case domain name: " + domain);
      }
      domains.add(domain);
    }
    this.freeMailDomains = Set.copyOf(domains);
  }

  /**
   * The registrable domain of an email address's host, or empty when there is no usable one.
   * Accepts "ann@acme.com", "mailto:ann@acme.com" and "Ann &lt;ann@acme.com&gt;".
   */
  public Optional<String> fromEmail(String email) {
    if (email == null || email.length() > MAX_INPUT_LENGTH) {
      return Optional.empty();
    }
    String text = email.strip();
    int open = text.lastIndexOf('<');
    if (open >= 0 && text.endsWith(">")) {
      text = text.substring(open + 1, text.length() - 1);
    }
    int at = text.lastIndexOf('@');
    if (at <= 0) {
      return Optional.empty();
    }
    return registrableByHost.get(text.substring(at + 1));
  }

  /**
   * The registrable domain of a website, or empty when there is no usable one. Scheme, user info,
   * port, path, query, fragment and sub-domains ("www") are dropped.
   */
  public Optional<String> fromWebsite(String website) {
    if (website == null || website.length() > MAX_INPUT_LENGTH) {
      return Optional.empty();
    }
    String text = website.strip();
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      text = text.substring(scheme + 3);
    } else if (text.startsWith("//")) {
      text = text.substring(2);
    }
    int end = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        end = i;
        break;
      }
    }
    String authority = text.substring(0, end);
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    if (host.startsWith("[")) {
      return Optional.empty(); // an IPv6 literal
    }
    int port = host.lastIndexOf(':');
    if (port >= 0) {
      host = host.substring(0, port);
    }
    return registrableByHost.get(host);
  }

  /**
   * Whether a registrable domain (as returned by this class) belongs to a free-mail or disposable
   * mail provider listed in {@code normalize/free-mail-domains.txt}.
   */
  public boolean isFreeMail(String domain) {
    return domain != null && freeMailDomains.contains(domain.toLowerCase(Locale.ROOT));
  }

  private static Optional<String> registrableDomain(String rawHost) {
    String host = rawHost.strip();
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1); // the fully qualified form "acme.com."
    }
    if (host.isEmpty()) {
      return Optional.empty();
    }
    String unicode;
    try {
      // toASCII applies nameprep (case, width, compatibility forms) and checks label lengths;
      // toUnicode brings punycode and Unicode spellings to one form.
      unicode = IDN.toUnicode(IDN.toASCII(host)).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notAHostName) {
      return Optional.empty();
    }
    if (!InternetDomainName.isValid(unicode)) {
      return Optional.empty(); // includes IP addresses: a top-level label never starts with a digit
    }
    InternetDomainName name = InternetDomainName.from(unicode);
    if (!name.isUnderPublicSuffix()) {
      return Optional.empty();
    }
    return Optional.of(name.topPrivateDomain().toString());
  }
}

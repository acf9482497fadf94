package dev.leadrouter.match;

import com.google.inject.Inject;
import dev.leadrouter.normalize.CompanyNameNormalizer;
import dev.leadrouter.normalize.CountryNormalizer;
import dev.leadrouter.normalize.DomainNormalizer;
import dev.leadrouter.normalize.StateNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparable forms of account and lead values, computed the same way on both sides: so that a
 * lead's "Acme Intl. GmbH" and an account's "ACME International" meet at one key.
 */
public final class AccountKeys {

  /**
   * Short forms people write in company names, by their long form. Only unambiguous ones: "tech" is
   * left alone because "Acme Tech" and "Acme Technologies" may well be two companies.
   */
  private static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("intl", "international"),
          Map.entry("mfg", "manufacturing"),
          Map.entry("mgmt", "management"),
          Map.entry("svcs", "services"),
          Map.entry("svc", "services"),
          Map.entry("grp", "group"),
          Map.entry("natl", "national"),
          Map.entry("assoc", "associates"),
          Map.entry("bros", "brothers"),
          Map.entry("ctr", "center"),
          Map.entry("centre", "center"),
          Map.entry("hldgs", "holdings"),
          Map.entry("hldg", "holding"),
          Map.entry("univ", "university"),
          Map.entry("sys", "systems"),
          Map.entry("engg", "engineering"),
          Map.entry("labs", "laboratories"),
          Map.entry("lab", "laboratories"),
          Map.entry("dist", "distribution"),
          Map.entry("inds", "industries"));

  private final DomainNormalizer domains;
  private final CompanyNameNormalizer companies;
  private final CountryNormalizer countries;
  private final StateNormalizer states;

  @Inject
  public AccountKeys(
      DomainNormalizer domains,
      CompanyNameNormalizer companies,
      CountryNormalizer countries,
      StateNormalizer states) {
    this.domains = domains;
    this.companies = companies;
    this.countries = countries;
    this.states = states;
  }

  /** The registrable domain of a website or domain, or null when none or it is free mail. */
  public String domain(String website) {
    if (website == null || website.isBlank()) {
      return null;
    }
    String domain = domains.fromWebsite(website).orElse(null);
    return domain == null || domains.isFreeMail(domain) ? null : domain;
  }

  /** Whether a registrable domain is free or disposable mail and so says nothing of a company. */
  public boolean isFreeMail(String domain) {
    return domains.isFreeMail(domain);
  }

  /** The name key of a company name: legal forms dropped, short forms spelled out; or null. */
  public String nameKey(String name) {
    return expand(companies.matchKey(name));
  }

  /** Spells out the short forms in a match key the normalizer made ({@code NormalizedLead}). */
  public String expand(String matchKey) {
    if (matchKey == null) {
      return null;
    }
    List<String> tokens = tokens(matchKey);
    boolean changed = false;
    List<String> expanded = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      String longForm = ABBREVIATIONS.getOrDefault(token, token);
      changed |= !longForm.equals(token);
      expanded.add(longForm);
    }
    return changed ? String.join(" ", expanded) : matchKey;
  }

  /** The ISO code of a country name or code, or null. */
  public String country(String raw) {
    return raw == null ? null : countries.toIso2(raw).orElse(null);
  }

  /** The state code within a country, else the raw value trimmed, or null. */
  public String state(String countryCode, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return states.toCode(countryCode, raw).orElse(raw.strip());
  }

  /** The words of a key, which are separated by single spaces. */
  static List<String> tokens(String key) {
    List<String> tokens = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i <= key.length(); i++) {
      if (i == key.length() || key.charAt(i) == ' ') {
        if (i > start) {
          tokens.add(key.substring(start, i));
        }
        start = i + 1;
      }
    }
    return tokens;
  }
}

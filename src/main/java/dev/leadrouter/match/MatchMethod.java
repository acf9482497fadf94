package dev.leadrouter.match;

/** How a lead was matched to an account, strongest evidence first. */
public enum MatchMethod {
  /** The lead's email domain and company name both point at the account. */
  DOMAIN_AND_NAME("email domain and name", 0.99),
  /** The lead's (non free-mail) email domain is one of the account's domains. */
  EMAIL_DOMAIN("email domain", 0.95),
  /** The lead's website is on one of the account's domains. */
  WEBSITE_DOMAIN("website domain", 0.9),
  /** The company name's key equals the account's, and the countries agree or one is unknown. */
  EXACT_NAME("exact name", 0.9),
  /** The company name is an acronym or short form the account lists. */
  ALIAS("alias", 0.85),
  /**
   * The lead's domain is the account's under another top-level domain ({@code acme.de} for {@code
   * acme.com}), and the names agree.
   */
  COUNTRY_DOMAIN("country domain and name", 0.85),
  /** The company name is close to the account's (typos), above the configured threshold. */
  FUZZY_NAME("fuzzy name", 0.8),
  /** The name key is equal but the countries differ: likely a sister company. */
  EXACT_NAME_OTHER_COUNTRY("exact name, other country", 0.7);

  private final String label;
  private final double confidence;

  MatchMethod(String label, double confidence) {
    this.label = label;
    this.confidence = confidence;
  }

  /** How the method is written in decisions and reports ("email domain"). */
  public String label() {
    return label;
  }

  /** The confidence a match by this method starts from; fuzzy matches scale it by their score. */
  public double confidence() {
    return confidence;
  }
}

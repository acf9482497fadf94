package dev.leadrouter.normalize;

import dev.leadrouter.lead.Lead;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The normalizer the router uses: reads Country, State, Phone, Email, Website and Company from the
 * lead and hands each to the normalizer for its kind of value.
 *
 * <p>Where Salesforce has two fields for one fact the first present one is read: Country then
 * CountryCode, State then StateCode, Phone then MobilePhone. Values longer than {@value
 * #MAX_VALUE_LENGTH} characters are cut to that length (and {@link
 * NormalizationIssue#VALUE_TRUNCATED} reported) so that a pasted document cannot make routing slow.
 */
final class StandardLeadNormalizer implements LeadNormalizer {

  static final int MAX_VALUE_LENGTH = 1_000;

  private final CountryNormalizer countries;
  private final StateNormalizer states;
  private final PhoneNormalizer phones;
  private final DomainNormalizer domains;
  private final CompanyNameNormalizer companies;

  @Inject
  StandardLeadNormalizer(
      CountryNormalizer countries,
      StateNormalizer states,
      PhoneNormalizer phones,
      DomainNormalizer domains,
      CompanyNameNormalizer companies) {
    this.countries = Objects.requireNonNull(countries, "countries");
    this.states = Objects.requireNonNull(states, "states");
    this.phones = Objects.requireNonNull(phones, "phones");
    this.domains = Objects.requireNonNull(domains, "domains");
    this.companies = Objects.requireNonNull(companies, "companies");
  }

  @Override
  public NormalizedLead normalize(Lead lead) {
    Objects.requireNonNull(lead, "lead");
    Set<NormalizationIssue> issues = EnumSet.noneOf(NormalizationIssue.class);

    String country = read(lead, "country", "countrycode", issues);
    String countryCode = countries.toIso2(country).orElse(null);
    if (country != null && countryCode == null) {
      issues.add(NormalizationIssue.COUNTRY_UNKNOWN);
    }

    String state = read(lead, "state", "statecode", issues);
    String stateCode = states.toCode(countryCode, state).orElse(null);
    if (state != null && stateCode == null && states.hasStates(countryCode)) {
      issues.add(NormalizationIssue.STATE_UNKNOWN);
    }

    String phone = read(lead, "phone", "mobilephone", issues);
    if (phone != null && !phones.isPlausible(phone, countryCode)) {
      issues.add(NormalizationIssue.PHONE_INVALID);
    }

    String email = read(lead, "email", null, issues);
    String emailDomain = domains.fromEmail(email).orElse(null);
    if (email != null && emailDomain == null) {
      issues.add(NormalizationIssue.EMAIL_INVALID);
    }
    if (domains.isFreeMail(emailDomain)) {
      issues.add(NormalizationIssue.FREE_MAIL_DOMAIN);
    }

    String website = read(lead, "website", null, issues);
    String websiteDomain = domains.fromWebsite(website).orElse(null);
    if (website != null && websiteDomain == null) {
      issues.add(NormalizationIssue.WEBSITE_INVALID);
    }

    String companyKey = companies.matchKey(read(lead, "company", null, issues));

    return new NormalizedLead(
        lead,
        countryCode,
        stateCode,
        emailDomain,
        websiteDomain,
        companyKey,
        issues,
        phones,
        phone);
  }

  /**
   * The value of {@code field}, else of {@code fallbackField} (may be null), cut to {@value
   * #MAX_VALUE_LENGTH} characters. Names are lower case so {@link Lead#get} needs no copy.
   */
  private static String read(
      Lead lead, String field, String fallbackField, Set<NormalizationIssue> issues) {
    String value = lead.get(field);
    if (value == null && fallbackField != null) {
      value = lead.get(fallbackField);
    }
    if (value == null || value.length() <= MAX_VALUE_LENGTH) {
      return value;
    }
    issues.add(NormalizationIssue.VALUE_TRUNCATED);
    int end = MAX_VALUE_LENGTH;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--; // don't leave half a character at the end
    }
    return value.substring(0, end);
  }
}

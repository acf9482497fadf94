package dev.leadrouter.normalize;

import dev.leadrouter.lead.FieldSource;
import dev.leadrouter.lead.Lead;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A lead together with the canonical values the router compares, and the issues found while
 * computing them.
 *
 * <p>As a {@link FieldSource} it answers with canonical values where there are some, so that a rule
 * "Country equals DE" matches a lead that says "Deutschland":
 *
 * <ul>
 *   <li>{@code Country}, {@code CountryCode}: the ISO code when recognised, else the raw value;
 *   <li>{@code State}, {@code StateCode}: the state code when recognised, else the raw value;
 *   <li>{@code Phone}: the E.164 number when valid, else the raw value;
 *   <li>virtual fields {@code EmailDomain}, {@code WebsiteDomain}, {@code CompanyKey}, and {@code
 *       Domain}: the email domain unless it is free mail, else the website domain;
 *   <li>any other field: the lead's raw value.
 * </ul>
 *
 * <p>"Raw value" is the value of the field the normalizer read: Country, or CountryCode when the
 * lead has no Country (likewise State/StateCode and Phone/MobilePhone). Field names are
 * case-insensitive.
 *
 * @param lead the lead as received
 * @param countryCode ISO 3166-1 alpha-2, upper case, or null if unknown or absent
 * @param stateCode postal code of a US, CA or AU state ("CA", "ON", "NSW"), else null
 * @param phoneE164 the phone number in E.164 form ("+4989123456"), or null
 * @param emailDomain registrable domain of Email, lower case, or null
 * @param websiteDomain registrable domain of Website, lower case, or null
 * @param companyKey match key of Company (see {@link CompanyNameNormalizer}), or null
 * @param issues problems found while normalizing; stored as an unmodifiable copy
 */
public record NormalizedLead(
    Lead lead,
    String countryCode,
    String stateCode,
    String phoneE164,
    String emailDomain,
    String websiteDomain,
    String companyKey,
    Set<NormalizationIssue> issues)
    implements FieldSource {

  public NormalizedLead {
    Objects.requireNonNull(lead, "lead");
    EnumSet<NormalizationIssue> copy = EnumSet.noneOf(NormalizationIssue.class);
    if (issues != null) {
      copy.addAll(issues);
    }
    issues = Collections.unmodifiableSet(copy);
  }

  /**
   * The domain that identifies the lead's company: the email domain, unless it is free mail (then
   * it says nothing about the company), else the website domain.
   */
  public String domain() {
    return emailDomain != null && !issues.contains(NormalizationIssue.FREE_MAIL_DOMAIN)
        ? emailDomain
        : websiteDomain;
  }

  /** Whether the normalizer reported this issue. */
  public boolean has(NormalizationIssue issue) {
    return issues.contains(issue);
  }

  @Override
  public String get(String fieldName) {
    if (fieldName == null) {
      return null;
    }
    // Called for every criterion of every rule: dispatch on length, then compare ignoring case,
    // so that no lower-cased copy of the name is made.
    switch (fieldName.length()) {
      case 5:
        if (fieldName.equalsIgnoreCase("Phone")) {
          return phoneE164 != null ? phoneE164 : rawOf("phone", "mobilephone");
        }
        if (fieldName.equalsIgnoreCase("State")) {
          return state();
        }
        break;
      case 6:
        if (fieldName.equalsIgnoreCase("Domain")) {
          return domain();
        }
        break;
      case 7:
        if (fieldName.equalsIgnoreCase("Country")) {
          return country();
        }
        break;
      case 9:
        if (fieldName.equalsIgnoreCase("StateCode")) {
          return state();
        }
        break;
      case 10:
        if (fieldName.equalsIgnoreCase("CompanyKey")) {
          return companyKey;
        }
        break;
      case 11:
        if (fieldName.equalsIgnoreCase("CountryCode")) {
          return country();
        }
        if (fieldName.equalsIgnoreCase("EmailDomain")) {
          return emailDomain;
        }
        break;
      case 13:
        if (fieldName.equalsIgnoreCase("WebsiteDomain")) {
          return websiteDomain;
        }
        break;
      default:
        break;
    }
    return lead.get(fieldName);
  }

  private String country() {
    return countryCode != null ? countryCode : rawOf("country", "countrycode");
  }

  private String state() {
    return stateCode != null ? stateCode : rawOf("state", "statecode");
  }

  /** Field names are passed in lower case, which {@link Lead#get} looks up without copying. */
  private String rawOf(String field, String fallbackField) {
    String raw = lead.get(field);
    return raw != null ? raw : lead.get(fallbackField);
  }
}

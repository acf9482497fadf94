package dev.leadrouter.normalize;

import dev.leadrouter.lead.FieldSource;
import dev.leadrouter.lead.Lead;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
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
 * <p>The E.164 phone number is worked out when first asked for: libphonenumber takes microseconds a
 * number, more than the whole routing decision, and only rules that name Phone and duplicate
 * matching need it. Whether the phone can be a number at all is checked up front, cheaply ({@link
 * NormalizationIssue#PHONE_INVALID}).
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
public final class NormalizedLead implements FieldSource {

  private final Lead lead;
  private final String countryCode;
  private final String stateCode;
  private final String emailDomain;
  private final String websiteDomain;
  private final String companyKey;
  private final Set<NormalizationIssue> issues;
  private final PhoneNormalizer phones;
  private final String rawPhone;
  private volatile Optional<String> phoneE164;

  /** A normalized lead whose phone number is already known (or absent). */
  public NormalizedLead(
      Lead lead,
      String countryCode,
      String stateCode,
      String phoneE164,
      String emailDomain,
      String websiteDomain,
      String companyKey,
      Set<NormalizationIssue> issues) {
    this(lead, countryCode, stateCode, emailDomain, websiteDomain, companyKey, issues, null, null);
    this.phoneE164 = Optional.ofNullable(phoneE164);
  }

  /** A normalized lead whose phone number {@code phones} normalizes when first asked for. */
  NormalizedLead(
      Lead lead,
      String countryCode,
      String stateCode,
      String emailDomain,
      String websiteDomain,
      String companyKey,
      Set<NormalizationIssue> issues,
      PhoneNormalizer phones,
      String rawPhone) {
    this.lead = Objects.requireNonNull(lead, "lead");
    this.countryCode = countryCode;
    this.stateCode = stateCode;
    this.emailDomain = emailDomain;
    this.websiteDomain = websiteDomain;
    this.companyKey = companyKey;
    EnumSet<NormalizationIssue> copy = EnumSet.noneOf(NormalizationIssue.class);
    if (issues != null) {
      copy.addAll(issues);
    }
    this.issues = Collections.unmodifiableSet(copy);
    this.phones = phones;
    this.rawPhone = rawPhone;
  }

  public Lead lead() {
    return lead;
  }

  public String countryCode() {
    return countryCode;
  }

  public String stateCode() {
    return stateCode;
  }

  /**
   * The phone number in E.164 form, or null when there is none or libphonenumber cannot make one.
   * Worked out on first call; safe to call from any thread.
   */
  public String phoneE164() {
    Optional<String> known = phoneE164;
    if (known == null) {
      known = phones.toE164(rawPhone, countryCode);
      phoneE164 = known;
    }
    return known.orElse(null);
  }

  public String emailDomain() {
    return emailDomain;
  }

  public String websiteDomain() {
    return websiteDomain;
  }

  public String companyKey() {
    return companyKey;
  }

  public Set<NormalizationIssue> issues() {
    return issues;
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
          String e164 = phoneE164();
          return e164 != null ? e164 : rawOf("phone", "mobilephone");
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

  @Override
  public String toString() {
    return "NormalizedLead[id="
        + lead.id()
        + ", country="
        + countryCode
        + ", state="
        + stateCode
        + ", emailDomain="
        + emailDomain
        + ", websiteDomain="
        + websiteDomain
        + ", companyKey="
        + companyKey
        + ", issues="
        + issues
        + "]";
  }
}

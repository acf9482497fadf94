package dev.leadrouter.normalize;

/** A problem found while normalizing a lead; the lead is still routed, the issue is reported. */
public enum NormalizationIssue {
  /** A country value is present but matches no known country name or code. */
  COUNTRY_UNKNOWN,
  /** The country is US, CA or AU and a state value is present but matches none of its states. */
  STATE_UNKNOWN,
  /** A phone value (Phone, else MobilePhone) is present but is not a possible phone number. */
  PHONE_INVALID,
  /** An email value is present but yields no registrable domain. */
  EMAIL_INVALID,
  /** A website value is present but yields no registrable domain. */
  WEBSITE_INVALID,
  /** The email domain belongs to a free-mail or disposable-mail provider. */
  FREE_MAIL_DOMAIN,
  /** An input value was longer than the normalizer reads; only its beginning was normalized. */
  VALUE_TRUNCATED
}

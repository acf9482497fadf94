package dev.leadrouter.normalize;

import dev.leadrouter.lead.Lead;

/**
 * Turns a raw lead into comparable, canonical values.
 *
 * <p>Never throws on bad input: anything that cannot be normalized is reported as a {@link
 * NormalizationIssue} on the result, and the raw value stays readable through {@link
 * NormalizedLead#get(String)}. Implementations are thread-safe.
 */
public interface LeadNormalizer {

  /**
   * Normalizes one lead.
   *
   * @param lead the lead as received; not null
   * @return canonical values for the fields the router compares, plus the issues found
   */
  NormalizedLead normalize(Lead lead);
}

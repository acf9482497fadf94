package dev.leadrouter.config;

/** Which of a lead's fields gives the company domain an enrichment lookup is keyed by. */
public enum DomainSource {
  /** The registrable domain of {@code Email}, unless it is a free-mail address. */
  EMAIL,
  /** The registrable domain of {@code Website}. */
  WEBSITE
}

package dev.leadrouter.match;

import dev.leadrouter.normalize.NormalizedLead;
import dev.leadrouter.route.DuplicateMatch;
import java.util.Optional;

/** Finds the open lead or contact a new lead duplicates. Implementations are thread-safe. */
public interface DuplicateFinder {

  /** Finds nothing: for callers that decide without a duplicate index. */
  DuplicateFinder NONE = lead -> Optional.empty();

  /** The record the lead duplicates (never the lead itself), or empty. */
  Optional<DuplicateMatch> find(NormalizedLead lead);
}

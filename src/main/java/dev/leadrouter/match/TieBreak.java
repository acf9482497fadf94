package dev.leadrouter.match;

import java.util.Comparator;
import java.util.Locale;

/**
 * How to choose between accounts that match a lead equally well (the same domain on a parent and
 * its subsidiaries, one name in several countries). Applied in the configured order.
 */
public enum TieBreak {
  /** An account whose owner is an active user first. */
  ACTIVE_OWNER,
  /** An account in the lead's country first. */
  SAME_COUNTRY,
  /** Customer, then partner, then prospect, then anything else. */
  CUSTOMER_FIRST,
  /** The account higher in its hierarchy (a parent before its subsidiaries). */
  PARENT_FIRST,
  /** The account with more employees. */
  LARGER_FIRST;

  /** Orders candidates for a lead in {@code leadCountry} (may be null): preferred first. */
  Comparator<IndexedAccount> order(String leadCountry) {
    return switch (this) {
      case ACTIVE_OWNER -> Comparator.comparing(a -> !a.ownerActive());
      case SAME_COUNTRY ->
          Comparator.comparing(a -> leadCountry == null || !leadCountry.equals(a.country()));
      case CUSTOMER_FIRST -> Comparator.comparingInt(a -> typeRank(a.type()));
      case PARENT_FIRST -> Comparator.comparing(a -> a.parentId() != null);
      case LARGER_FIRST -> Comparator.comparingInt(a -> a.employees() == null ? 0 : -a.employees());
    };
  }

  /** Salesforce's standard Type values: "Customer - Direct", "Channel Partner / Reseller", ... */
  static int typeRank(String type) {
    if (type == null) {
      return 3;
    }
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.contains("customer")) {
      return 0;
    }
    if (lower.contains("partner") || lower.contains("reseller")) {
      return 1;
    }
    return lower.contains("prospect") ? 2 : 3;
  }
}

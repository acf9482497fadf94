package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;

/**
 * The existing account a lead was matched to, as the match stage reports it.
 *
 * @param confidence 0..1
 * @param method how it matched, e.g. "email domain", "exact name", "fuzzy name"
 * @param accountType Account.Type, e.g. "Customer", "Partner", "Prospect"
 * @param industry Account.Industry, or null when the account has none
 * @param employees Account.NumberOfEmployees, or null when the account has none
 */
public record AccountMatch(
    SalesforceId accountId,
    String accountName,
    SalesforceId ownerId,
    boolean ownerActive,
    String accountType,
    double confidence,
    String method,
    String industry,
    Integer employees) {

  /** A match whose account carries no firmographics. */
  public AccountMatch(
      SalesforceId accountId,
      String accountName,
      SalesforceId ownerId,
      boolean ownerActive,
      String accountType,
      double confidence,
      String method) {
    this(accountId, accountName, ownerId, ownerActive, accountType, confidence, method, null, null);
  }
}

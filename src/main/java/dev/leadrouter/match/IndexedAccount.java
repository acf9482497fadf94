package dev.leadrouter.match;

import dev.leadrouter.lead.SalesforceId;
import java.util.List;

/**
 * An account as the index holds it: values normalized (registrable domain, ISO country, name key).
 *
 * @param nameKey the company name's match key (see {@link AccountKeys#nameKey})
 * @param domain the website's registrable domain, or null
 * @param country ISO 3166-1 alpha-2 code, or null
 * @param extraDomains further registrable domains the account lists
 * @param aliasKeys name keys of the acronyms and short forms the account lists
 * @param ultimateParentId the top of the account's hierarchy, or null when it has no parent
 */
public record IndexedAccount(
    SalesforceId id,
    String name,
    String nameKey,
    String domain,
    String country,
    String state,
    SalesforceId ownerId,
    boolean ownerActive,
    SalesforceId parentId,
    SalesforceId ultimateParentId,
    String type,
    Integer employees,
    String industry,
    List<String> extraDomains,
    List<String> aliasKeys) {

  /** The account at the top of this one's hierarchy: its ultimate parent, else itself. */
  public SalesforceId topId() {
    return ultimateParentId != null ? ultimateParentId : id;
  }
}

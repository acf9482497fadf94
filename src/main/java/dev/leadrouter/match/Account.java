package dev.leadrouter.match;

import dev.leadrouter.lead.SalesforceId;
import java.util.List;
import java.util.Objects;

/**
 * An Account as the index takes it in, from a query, a CSV export or a change event.
 *
 * @param extraDomains further domains the company mails from (a custom field in most orgs)
 * @param aliases acronyms and short forms the account lists ("IBM"), matched exactly
 * @param billingCountry as the org holds it (name or ISO code); normalized by the index
 * @param ownerActive whether the owning user is active
 * @param parentId the parent account, or null
 * @param employees NumberOfEmployees, or null
 */
public record Account(
    SalesforceId id,
    String name,
    String website,
    List<String> extraDomains,
    List<String> aliases,
    String billingCountry,
    String billingState,
    SalesforceId ownerId,
    boolean ownerActive,
    SalesforceId parentId,
    String type,
    Integer employees,
    String industry) {

  public Account {
    Objects.requireNonNull(id, "id");
    extraDomains = extraDomains == null ? List.of() : List.copyOf(extraDomains);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }
}

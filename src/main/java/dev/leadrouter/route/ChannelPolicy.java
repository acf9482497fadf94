package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import java.util.Set;

/**
 * Which leads belong to the partner channel: those whose matched account is a partner, or that
 * carry a deal registration. Channel leads meet the channel rules before any direct rule.
 *
 * @param dealRegistrationField a field that, when filled (and not "false"), marks a registered deal
 * @param partnerAccountTypes Account.Type values that mark a partner, e.g. "Partner"
 */
public record ChannelPolicy(String dealRegistrationField, Set<String> partnerAccountTypes) {

  public static final ChannelPolicy NONE = new ChannelPolicy(null, Set.of());

  /** Whether an Account.Type marks a partner; compared ignoring case, like every criterion. */
  public boolean isPartnerType(String accountType) {
    return accountType != null
        && partnerAccountTypes.contains(accountType.trim().toLowerCase(java.util.Locale.ROOT));
  }

  public ChannelPolicy {
    partnerAccountTypes =
        partnerAccountTypes.stream()
            .map(type -> type.trim().toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    dealRegistrationField = FieldSource.key(dealRegistrationField);
  }
}

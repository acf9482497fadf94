package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.Objects;
import java.util.Set;

/**
 * A user's place in a team.
 *
 * @param weight relative share of leads under {@link Strategy#WEIGHTED} (at least 1)
 * @param capacity most open leads the member may hold; 0 means no cap
 * @param languages languages the member handles, lower-case ISO 639-1 codes such as "de"
 * @param industries industries the member specialises in, as Salesforce's Industry values
 * @param active false takes the member out of rotation without removing them
 */
public record TeamMember(
    SalesforceId userId,
    int weight,
    int capacity,
    Set<String> languages,
    Set<String> industries,
    boolean active) {

  public TeamMember {
    Objects.requireNonNull(userId, "userId");
    languages = Set.copyOf(languages);
    industries = Set.copyOf(industries);
  }

  boolean hasCap() {
    return capacity > 0;
  }
}

package dev.leadrouter.match;

import com.google.inject.Inject;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.normalize.NormalizedLead;
import dev.leadrouter.route.DuplicateMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds duplicates in the {@link DuplicateIndex}: the same email, and (when the policy says so) the
 * same first name, last name and company. Of several, a record with an active owner wins, then a
 * Contact (it already belongs to an account) over a Lead, then the lowest id, so the answer is
 * stable.
 */
public final class IndexDuplicateFinder implements DuplicateFinder {

  private static final Comparator<Person> PREFERRED =
      Comparator.comparing((Person p) -> !p.ownerActive())
          .thenComparing(p -> p.kind() != Person.Kind.CONTACT)
          .thenComparing(p -> p.id().value());

  private final DuplicateIndex index;
  private final MatchPolicy policy;

  @Inject
  public IndexDuplicateFinder(DuplicateIndex index, MatchPolicy policy) {
    this.index = index;
    this.policy = policy;
  }

  @Override
  public Optional<DuplicateMatch> find(NormalizedLead lead) {
    String self = lead.lead().id();
    List<Person> found = new ArrayList<>(index.withEmail(lead.get("email")));
    if (policy.duplicatesByNameAndCompany()) {
      found.addAll(
          index.withNameAndCompany(
              lead.get("firstname"), lead.get("lastname"), lead.get("company")));
    }
    return found.stream()
        .filter(p -> p.ownerId() != null)
        .filter(p -> self == null || !SalesforceId.parse(self).map(p.id()::equals).orElse(false))
        .min(PREFERRED)
        .map(p -> new DuplicateMatch(p.id(), p.ownerId(), p.ownerActive()));
  }
}

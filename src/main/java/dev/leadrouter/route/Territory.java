package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A geographic patch owned by a team. A lead is in the territory when its country is listed and,
 * where states or postal ranges are listed, its state or postal code is among them too.
 */
public record Territory(
    String name,
    Set<String> countries,
    Set<String> states,
    List<PostalRange> postalRanges,
    String team) {

  public Territory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(team, "team");
    countries = Set.copyOf(countries);
    states = Set.copyOf(states);
    postalRanges = List.copyOf(postalRanges);
  }

  public boolean covers(FieldSource lead) {
    String country = lead.get("countrycode");
    if (country == null || !countries.contains(country)) {
      return false;
    }
    boolean stateListed = !states.isEmpty();
    boolean postalListed = !postalRanges.isEmpty();
    if (!stateListed && !postalListed) {
      return true;
    }
    String state = lead.get("statecode");
    if (stateListed && state != null && states.contains(state)) {
      return true;
    }
    String postalCode = lead.get("postalcode");
    for (PostalRange range : postalRanges) {
      if (range.contains(postalCode)) {
        return true;
      }
    }
    return false;
  }
}

package dev.leadrouter.normalize;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a state, province or territory of the United States, Canada or Australia, written as
 * its postal code or its name, and returns the postal code ("CA", "ON", "NSW").
 *
 * <p>Only those three countries are resolved, and only when the lead's country is known: "WA" is
 * Washington in the US and Western Australia in Australia, and "Georgia" is also a country, so a
 * state without a country is not guessed. Matching ignores case, accents, punctuation and
 * whitespace; ISO 3166-2 forms such as "US-CA" are accepted too. Data comes from {@code
 * normalize/states.tsv}.
 */
public final class StateNormalizer {

  static final String STATES_RESOURCE = "normalize/states.tsv";

  /** Longer values are not state names; don't spend a fold on them. */
  private static final int MAX_NAME_LENGTH = 100;

  /** Per country (ISO alpha-2), the code for each folded code or name. */
  private final Map<String, Map<String, String>> codeByKeyByCountry;

  /** Builds the lookup table from the bundled state file. */
  public StateNormalizer() {
    Map<String, Map<String, String>> tables = new HashMap<>();
    for (ResourceLines.Line line : ResourceLines.read(STATES_RESOURCE)) {
      String[] columns = line.columns(3);
      String country = columns[0];
      String code = columns[1];
      Map<String, String> table = tables.computeIfAbsent(country, c -> new HashMap<>());
      for (String spelling : new String[] {code, columns[2]}) {
        String previous = table.putIfAbsent(TextFolder.compactKey(spelling), code);
        if (previous != null && !previous.equals(code)) {
          throw line.error(spelling + " already maps to " + previous);
        }
      }
    }
    Map<String, Map<String, String>> frozen = new HashMap<>();
    tables.forEach((country, table) -> frozen.put(country, Map.copyOf(table)));
    this.codeByKeyByCountry = Map.copyOf(frozen);
  }

  /**
   * The postal code of a state of {@code iso2Country}, or empty when the country is not US, CA or
   * AU, or the value is null, blank or not recognised.
   *
   * @param iso2Country the lead's country as an upper-case ISO alpha-2 code, or null
   * @param raw the state as written on the lead
   */
  public Optional<String> toCode(String iso2Country, String raw) {
    Map<String, String> table = iso2Country == null ? null : codeByKeyByCountry.get(iso2Country);
    String trimmed = raw == null ? "" : raw.strip();
    if (table == null || trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
      return Optional.empty();
    }
    if (trimmed.length() > 3
        && trimmed.charAt(2) == '-'
        && trimmed.regionMatches(true, 0, iso2Country, 0, 2)) {
      trimmed = trimmed.substring(3);
    }
    return Optional.ofNullable(table.get(TextFolder.compactKey(trimmed)));
  }

  /** Whether states are resolved for this country at all. */
  public boolean hasStates(String iso2Country) {
    return iso2Country != null && codeByKeyByCountry.containsKey(iso2Country);
  }
}

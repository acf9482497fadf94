package dev.leadrouter.normalize;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a country written as an ISO code or a name and returns its ISO 3166-1 alpha-2 code.
 *
 * <p>Accepted: alpha-2 and alpha-3 codes; the country names the JDK knows in English, German,
 * French, Spanish, Italian, Portuguese and Dutch; and the curated aliases in {@code
 * normalize/country-aliases.tsv} ("USA", "UK", "Holland", ...). Matching ignores case, accents,
 * punctuation and whitespace, and treats "&amp;" as "and". The table is built once, at
 * construction; lookups are a fold and a hash-map read.
 */
public final class CountryNormalizer {

  static final String ALIASES_RESOURCE = "normalize/country-aliases.tsv";

  private static final List<Locale> NAME_LANGUAGES =
      List.of(
          Locale.ENGLISH,
          Locale.GERMAN,
          Locale.FRENCH,
          Locale.forLanguageTag("es"),
          Locale.ITALIAN,
          Locale.forLanguageTag("pt"),
          Locale.forLanguageTag("nl"));

  /**
   * Placeholders people type for "no country" whose letters alone would spell an ISO code ("n/a"
   * would otherwise be Namibia). A bare "NA" is still read as the code.
   */
  private static final Set<String> PLACEHOLDERS = Set.of("n/a", "n.a.", "n.a", "n / a", "#n/a");

  /** Longer values are not country names; don't spend a fold on them. */
  private static final int MAX_NAME_LENGTH = 100;

  private final Map<String, String> iso2ByKey;

  /** Builds the lookup table from the JDK's locale data and the bundled alias file. */
  public CountryNormalizer() {
    Set<String> isoCountries = Set.of(Locale.getISOCountries());
    Map<String, String> table = new HashMap<>();
    // First writer wins, so the order below is the precedence: curated aliases, then codes, then
    // English names, then the other languages' names.
    for (ResourceLines.Line line : ResourceLines.read(ALIASES_RESOURCE)) {
      String[] columns = line.columns(2);
      String iso2 = columns[1];
      if (!isoCountries.contains(iso2)) {
        throw line.error("not an ISO 3166-1 alpha-2 code known to the JDK: " + iso2);
      }
      String previous = table.putIfAbsent(key(columns[0]), iso2);
      if (previous != null && !previous.equals(iso2)) {
        throw line.error("alias already maps to " + previous);
      }
    }
    for (String iso2 : isoCountries) {
      table.putIfAbsent(key(iso2), iso2);
    }
    for (String iso2 : isoCountries) {
      String iso3 = iso3(iso2);
      if (iso3 != null) {
        table.putIfAbsent(key(iso3), iso2);
      }
    }
    for (Locale language : NAME_LANGUAGES) {
      for (String iso2 : isoCountries) {
        addName(table, region(iso2).getDisplayCountry(language), iso2);
      }
    }
    this.iso2ByKey = Map.copyOf(table);
  }

  /**
   * The ISO 3166-1 alpha-2 code (upper case) for a country code or name, or empty when the value is
   * null, blank or not recognised.
   */
  public Optional<String> toIso2(String raw) {
    String trimmed = raw == null ? "" : raw.strip();
    if (trimmed.isEmpty()
        || trimmed.length() > MAX_NAME_LENGTH
        || PLACEHOLDERS.contains(trimmed.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.ofNullable(iso2ByKey.get(key(trimmed)));
  }

  private static void addName(Map<String, String> table, String name, String iso2) {
    if (name == null || name.isBlank() || name.equalsIgnoreCase(iso2)) {
      return; // the JDK falls back to the code when it has no name
    }
    table.putIfAbsent(key(name), iso2);
    // CLDR spells "Myanmar (Burma)" and "St. Lucia"; people write "Myanmar" and "Saint Lucia".
    int parenthesis = name.indexOf('(');
    if (parenthesis > 0) {
      table.putIfAbsent(key(name.substring(0, parenthesis)), iso2);
    }
    if (name.startsWith("St. ")) {
      table.putIfAbsent(key("Saint " + name.substring(4)), iso2);
    }
  }

  private static String key(String text) {
    return TextFolder.compactKey(text);
  }

  private static Locale region(String iso2) {
    return new Locale.Builder().setRegion(iso2).build();
  }

  private static String iso3(String iso2) {
    try {
      String iso3 = region(iso2).getISO3Country();
      return iso3.isEmpty() ? null : iso3;
    } catch (MissingResourceException noAlpha3) {
      return null;
    }
  }
}

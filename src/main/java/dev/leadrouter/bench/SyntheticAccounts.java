package dev.leadrouter.bench;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.Account;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A large org's accounts for the matching benchmark, each computed from the seed and its number, so
 * a million accounts are streamed into the index without being held twice. Names are made-up brands
 * (unique by construction), often with a surname or an industry word; a tenth are subsidiaries of
 * an earlier account.
 */
public final class SyntheticAccounts {

  private static final String[] SYLLABLES = {
    "ac", "al", "an", "ar", "ax", "bel", "bra", "cor", "dyn", "el", "en", "ex", "fin", "gen", "gra",
    "hel", "in", "jet", "kal", "lum", "mar", "mer", "nex", "nor", "nov", "om", "or", "pan", "par",
    "pol", "quan", "ra", "ro", "sel", "sol", "syn", "tal", "tek", "ter", "tri", "ul", "val", "ven",
    "ver", "vi", "vol", "xa", "yo", "zen", "zor", "ta", "lo", "mi", "ka", "ri", "do", "sa", "ne"
  };
  private static final String[] WORDS = {
    "Systems", "Logistics", "Analytics", "Pharma", "Foods", "Energy", "Software", "Consulting",
    "Holdings", "Partners", "Robotics", "Media", "Insurance", "Capital", "Solutions", "Networks"
  };
  private static final String[] SURNAMES = {
    "Müller", "Schmidt", "Dupont", "Rossi", "García", "Johnson", "Tanaka", "Novak", "Jansen",
    "Smith"
  };
  private static final String[] LEGAL = {
    "Inc.", "GmbH", "Ltd", "S.A.", "LLC", "AG", "B.V.", "Corp."
  };
  private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "NL", "ES", "IT", "JP"};
  private static final String[] TYPES = {
    "Customer - Direct", "Prospect", "Channel Partner / Reseller"
  };
  private static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "outlook.com", "gmx.de"};

  /** Spreads consecutive numbers over the brand space, so neighbours do not share prefixes. */
  private static final long SPREAD = 2_654_435_761L;

  private static final long BRANDS = (long) Math.pow(SYLLABLES.length, 4);

  private final long seed;

  public SyntheticAccounts(long seed) {
    this.seed = seed;
  }

  /** Account number {@code i} (0-based). */
  public Account account(int i) {
    SplittableRandom random = new SplittableRandom(seed * 31 + i);
    String brand = brand(i);
    String name =
        switch (random.nextInt(4)) {
          case 0 -> brand;
          case 1 -> brand + " " + WORDS[random.nextInt(WORDS.length)];
          case 2 -> SURNAMES[random.nextInt(SURNAMES.length)] + " " + brand;
          default -> brand + " " + WORDS[random.nextInt(WORDS.length)] + " Group";
        };
    SalesforceId parent = i > 10 && random.nextInt(10) == 0 ? id(random.nextInt(i)) : null;
    return new Account(
        id(i),
        name + " " + LEGAL[random.nextInt(LEGAL.length)],
        "https://www." + brand.toLowerCase(Locale.ROOT) + ".com",
        List.of(),
        List.of(),
        COUNTRIES[random.nextInt(COUNTRIES.length)],
        null,
        new SalesforceId(String.format(Locale.ROOT, "005BM%010d", random.nextInt(5_000))),
        random.nextInt(20) != 0,
        parent,
        TYPES[random.nextInt(TYPES.length)],
        random.nextInt(100_000),
        "Technology");
  }

  /**
   * A lead as routing meets them: corporate mail at an account's domain (40%), the exact company
   * name from personal mail (25%), the name with a letter dropped (15%), or a company that is no
   * account (20%).
   */
  public Lead lead(int n, int accounts) {
    SplittableRandom random = new SplittableRandom(seed * 17 + n);
    int i = random.nextInt(accounts);
    String brand = brand(i);
    Account account = account(i);
    int kind = random.nextInt(100);
    String email;
    String company;
    if (kind < 40) {
      email = "ann@" + brand.toLowerCase(Locale.ROOT) + ".com";
      company = account.name();
    } else if (kind < 65) {
      email = "ann@" + FREE_MAIL[random.nextInt(FREE_MAIL.length)];
      company = account.name();
    } else if (kind < 80) {
      email = "ann@" + FREE_MAIL[random.nextInt(FREE_MAIL.length)];
      int at = 1 + random.nextInt(Math.max(1, brand.length() - 2));
      company = account.name().replace(brand, brand.substring(0, at) + brand.substring(at + 1));
    } else {
      email = "ann@" + FREE_MAIL[random.nextInt(FREE_MAIL.length)];
      company = "Unknown " + brand(accounts + n) + " Works";
    }
    return new Lead(
        null, Map.of("Email", email, "Company", company, "Country", account.billingCountry()));
  }

  private static SalesforceId id(int i) {
    return new SalesforceId(String.format(Locale.ROOT, "001BM%010d", i));
  }

  private static String brand(int i) {
    long n = Math.floorMod(i * SPREAD, BRANDS);
    StringBuilder brand = new StringBuilder();
    for (int k = 0; k < 4; k++) {
      brand.append(SYLLABLES[(int) (n % SYLLABLES.length)]);
      n /= SYLLABLES.length;
    }
    return Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
  }
}

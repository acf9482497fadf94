package dev.leadrouter.bench;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.Account;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A labelled lead-to-account evaluation set, generated from a seed so that it is the same on every
 * machine: accounts with realistic company names (surnames and made-up brands with industry words
 * and the legal forms of their country, subsidiaries abroad, listed acronyms), and leads that
 * belong to one of them written the way people fill in forms (other legal suffixes, punctuation,
 * case, a typo, abbreviations, a country site such as {@code .de} for a {@code .com} account,
 * personal e-mail), plus leads with no account at all (new companies, and near misses that share a
 * word with an existing account).
 *
 * @param accounts the org's accounts
 * @param leads each lead with the id of the account it truly belongs to (null: none)
 */
public record MatchEvalSet(List<Account> accounts, List<LabelledLead> leads) {

  /** The seed the shipped figures are measured with. */
  public static final long DEFAULT_SEED = 20261127L;

  /** A lead and the account it belongs to, or null. */
  public record LabelledLead(Lead lead, SalesforceId expected) {}

  private static final String[] SURNAMES = {
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Becker",
    "Hoffmann",
    "Dupont",
    "Martin",
    "Bernard",
    "Moreau",
    "Laurent",
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "García",
    "Fernández",
    "López",
    "Martínez",
    "Johnson",
    "Williams",
    "Brown",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thompson",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Carter",
    "Mitchell",
    "Roberts",
    "Turner",
    "Phillips",
    "Campbell",
    "Parker",
    "Evans",
    "Edwards",
    "Collins",
    "Stewart",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Morgan",
    "Cooper",
    "Peterson",
    "Reed",
    "Bailey",
    "Bell",
    "Kelly",
    "Howard",
    "Ward",
    "Cox",
    "Richardson",
    "Wood",
    "Watson",
    "Brooks",
    "Bennett",
    "Gray",
    "Hughes",
    "Price",
    "Sanders",
    "Jansen",
    "de Vries",
    "van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Tanaka",
    "Suzuki",
    "Watanabe",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Novak",
    "Horvat",
    "Kowalski",
    "Nowak",
    "Wiśniewski"
  };

  private static final String[] SYLLABLES = {
    "ac", "al", "an", "ar", "ax", "bel", "bra", "cor", "dyn", "el", "en", "ex", "fin", "gen", "gra",
    "hel", "in", "jet", "kal", "lum", "mar", "mer", "nex", "nor", "nov", "om", "or", "pan", "par",
    "pol", "quan", "ra", "ro", "sel", "sol", "syn", "tal", "tek", "ter", "tri", "ul", "val", "ven",
    "ver", "vi", "vol", "xa", "yo", "zen", "zor", "ta", "lo", "mi", "ka", "ri", "do", "sa", "ne"
  };

  private static final String[] INDUSTRY_WORDS = {
    "Systems",
    "Logistics",
    "Analytics",
    "Pharma",
    "Foods",
    "Energy",
    "Software",
    "Consulting",
    "Manufacturing",
    "Holdings",
    "Partners",
    "Robotics",
    "Biotech",
    "Media",
    "Insurance",
    "Capital",
    "Solutions",
    "Technologies",
    "Networks",
    "Laboratories",
    "Engineering",
    "Services",
    "Group",
    "Industries",
    "International",
    "Design",
    "Security",
    "Health",
    "Finance",
    "Motors",
    "Textiles",
    "Chemicals",
    "Aerospace",
    "Retail",
    "Construction",
    "Electronics",
    "Instruments",
    "Brewing"
  };

  private static final String[] INDUSTRIES = {
    "Technology",
    "Manufacturing",
    "Finance",
    "Healthcare",
    "Retail",
    "Energy",
    "Media",
    "Consulting"
  };

  /** Country, its site suffix, the legal forms companies there use, and its name in a form. */
  private record Country(String iso, String tld, String[] legalForms, String[] spellings) {}

  private static final Country[] COUNTRIES = {
    new Country(
        "US",
        "com",
        new String[] {"Inc.", "LLC", "Corp.", "Corporation", "Co."},
        new String[] {"United States", "USA", "US"}),
    new Country(
        "DE",
        "de",
        new String[] {"GmbH", "AG", "GmbH & Co. KG", "SE"},
        new String[] {"Germany", "Deutschland", "DE"}),
    new Country(
        "GB",
        "co.uk",
        new String[] {"Ltd", "Limited", "PLC"},
        new String[] {"United Kingdom", "UK", "GB"}),
    new Country("FR", "fr", new String[] {"SA", "SAS", "SARL"}, new String[] {"France", "FR"}),
    new Country(
        "IT", "it", new String[] {"S.p.A.", "S.r.l."}, new String[] {"Italy", "Italia", "IT"}),
    new Country(
        "NL", "nl", new String[] {"B.V.", "N.V."}, new String[] {"Netherlands", "Nederland"}),
    new Country("ES", "es", new String[] {"S.A.", "S.L."}, new String[] {"Spain", "España"}),
    new Country("SE", "se", new String[] {"AB"}, new String[] {"Sweden", "Sverige"}),
    new Country("JP", "jp", new String[] {"K.K.", "Co., Ltd."}, new String[] {"Japan", "JP"})
  };

  private static final String[] FREE_MAIL = {
    "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "web.de", "gmx.de", "icloud.com"
  };

  private static final String[] TYPES = {
    "Customer - Direct", "Prospect", "Channel Partner / Reseller"
  };

  /** Generates the set: {@code withAccount} leads that belong to an account, and the others. */
  public static MatchEvalSet generate(long seed, int accountCount, int withAccount, int without) {
    return new Generator(new Random(seed)).generate(accountCount, withAccount, without);
  }

  /** The shipped set: 3,000 accounts, 2,100 leads with an account and 1,000 without. */
  public static MatchEvalSet standard() {
    return generate(DEFAULT_SEED, 3_000, 2_100, 1_000);
  }

  private static final class Generator {
    private final Random random;
    private final Set<String> usedKeys = new HashSet<>();
    private final Set<String> usedSlugs = new HashSet<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private final List<Country> countries = new ArrayList<>();
    private final List<String> slugs = new ArrayList<>();
    private final List<SalesforceId> owners = new ArrayList<>();
    private int nextLead;

    Generator(Random random) {
      this.random = random;
      for (int i = 1; i <= 60; i++) {
        owners.add(new SalesforceId(String.format(Locale.ROOT, "005EV%010d", i)));
      }
    }

    MatchEvalSet generate(int accountCount, int withAccount, int without) {
      while (accounts.size() < accountCount) {
        addCompany();
      }
      List<LabelledLead> leads = new ArrayList<>();
      for (int i = 0; i < withAccount; i++) {
        int pick = random.nextInt(accounts.size());
        leads.add(leadFor(pick));
      }
      for (int i = 0; i < without; i++) {
        leads.add(leadWithoutAccount());
      }
      // Interleave, so a run that stops early still sees both kinds.
      java.util.Collections.shuffle(leads, random);
      return new MatchEvalSet(List.copyOf(accounts), List.copyOf(leads));
    }

    /** A company, and sometimes a subsidiary abroad that shares its domain or has its own. */
    private void addCompany() {
      String base = newBase();
      if (base == null) {
        return;
      }
      Country country = pick(COUNTRIES);
      String slug = slug(base);
      if (!usedSlugs.add(slug)) {
        return;
      }
      String tld = random.nextInt(4) == 0 ? country.tld() : "com";
      SalesforceId parent = addAccount(base, country, slug + "." + tld, null, acronym(base), slug);
      if (random.nextInt(8) == 0) {
        Country abroad = pick(COUNTRIES);
        if (abroad != country) {
          String subsidiary = base + " " + countryWord(abroad);
          String website = random.nextBoolean() ? slug + "." + tld : slug + "." + abroad.tld();
          if (!website.equals(slug + "." + tld)) {
            usedSlugs.add(slug + "#" + abroad.tld());
          }
          addAccount(subsidiary, abroad, website, parent, null, slug);
        }
      }
    }

    private SalesforceId addAccount(
        String base,
        Country country,
        String website,
        SalesforceId parent,
        String alias,
        String slug) {
      SalesforceId id =
          new SalesforceId(String.format(Locale.ROOT, "001EV%010d", accounts.size() + 1));
      String legal = pick(country.legalForms());
      int employees = 10 + random.nextInt(50_000);
      accounts.add(
          new Account(
              id,
              base + " " + legal,
              random.nextBoolean() ? "https://www." + website : "www." + website,
              List.of(),
              alias == null ? List.of() : List.of(alias),
              pick(country.spellings()),
              null,
              owners.get(random.nextInt(owners.size())),
              random.nextInt(20) != 0,
              parent,
              pick(TYPES),
              employees,
              pick(INDUSTRIES)));
      bases.add(base);
      countries.add(country);
      slugs.add(slug);
      return id;
    }

    /** A company name without legal form, whose key no account has yet. */
    private String newBase() {
      String base =
          switch (random.nextInt(6)) {
            case 0 -> pick(SURNAMES) + " " + pick(INDUSTRY_WORDS);
            case 1 -> brand() + " " + pick(INDUSTRY_WORDS);
            case 2 -> pick(SURNAMES) + " & " + pick(SURNAMES);
            case 3 -> brand();
            case 4 -> brand() + " " + pick(INDUSTRY_WORDS) + " " + pick(INDUSTRY_WORDS);
            default -> pick(SURNAMES) + " " + brand() + " " + pick(INDUSTRY_WORDS);
          };
      String key = base.toLowerCase(Locale.ROOT);
      return usedKeys.add(key) ? base : null;
    }

    private String brand() {
      int parts = 2 + random.nextInt(2);
      StringBuilder word = new StringBuilder();
      for (int i = 0; i < parts; i++) {
        word.append(pick(SYLLABLES));
      }
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Three-word names list their initials as an alias, as orgs do for "IBM". */
    private String acronym(String base) {
      String[] words = base.split(" ");
      if (words.length < 3 || random.nextInt(3) != 0) {
        return null;
      }
      StringBuilder initials = new StringBuilder();
      for (String word : words) {
        initials.append(Character.toUpperCase(word.charAt(0)));
      }
      return initials.toString();
    }

    private LabelledLead leadFor(int index) {
      Account account = accounts.get(index);
      String base = bases.get(index);
      Country country = countries.get(index);
      String domain = account.website().replaceFirst("^(https://)?www\\.", "");
      Map<String, String> fields = new LinkedHashMap<>();
      person(fields);
      String company = noisyName(base, country);
      String email;
      int kind = random.nextInt(100);
      if (kind < 40) {
        email = mailbox(fields) + "@" + domain; // corporate mail
        if (random.nextInt(4) == 0 && !sharesDomain(account)) {
          company = null; // email only: the domain must say which account
        }
      } else if (kind < 50) {
        // the country site: acme.de for acme.com
        String sister =
            slugs.get(index) + "." + (domain.endsWith(".com") ? pick(COUNTRIES).tld() : "com");
        email = mailbox(fields) + "@" + (sister.equals(domain) ? "mail." + domain : sister);
      } else if (kind < 55 && !account.aliases().isEmpty()) {
        email = mailbox(fields) + "@" + pick(FREE_MAIL);
        company = account.aliases().get(0);
      } else {
        email = mailbox(fields) + "@" + pick(FREE_MAIL); // personal mail: the name must do
      }
      put(fields, "Email", email);
      put(fields, "Company", company);
      if (random.nextInt(5) == 0) {
        put(fields, "Website", "http://" + domain);
      }
      if (random.nextInt(3) != 0) {
        put(fields, "Country", pick(country.spellings()));
      }
      return new LabelledLead(new Lead(leadId(), fields), account.id());
    }

    /**
     * Whether a parent and a subsidiary share the account's domain: a lead with nothing but an
     * address there belongs to the group, not to one account, so the set leaves that case out.
     */
    private boolean sharesDomain(Account account) {
      return accounts.stream()
          .anyMatch(
              a ->
                  a != account
                      && a.website()
                          .endsWith(account.website().replaceFirst("^(https://)?www\\.", "")));
    }

    private LabelledLead leadWithoutAccount() {
      Map<String, String> fields = new LinkedHashMap<>();
      person(fields);
      Country country = pick(COUNTRIES);
      String base;
      if (random.nextInt(3) == 0) {
        // a near miss: an existing company's first word with another industry word
        int other = random.nextInt(accounts.size());
        base = bases.get(other).split(" ")[0] + " " + pick(INDUSTRY_WORDS) + " " + brand();
      } else {
        base = newBase();
        while (base == null) {
          base = newBase();
        }
      }
      String company = noisyName(base, country);
      String slug = slug(base);
      String domain =
          random.nextBoolean() || usedSlugs.contains(slug)
              ? pick(FREE_MAIL)
              : slug + "." + country.tld();
      put(fields, "Email", mailbox(fields) + "@" + domain);
      put(fields, "Company", company);
      if (random.nextBoolean()) {
        put(fields, "Country", pick(country.spellings()));
      }
      return new LabelledLead(new Lead(leadId(), fields), null);
    }

    /** How a person writes their company's name in a form. */
    private String noisyName(String base, Country country) {
      String name = base;
      int noise = random.nextInt(100);
      if (noise < 15) {
        name = typo(name);
      } else if (noise < 25) {
        name = name.toUpperCase(Locale.ROOT);
      } else if (noise < 35) {
        name = name.toLowerCase(Locale.ROOT).replace("&", "and");
      } else if (noise < 45) {
        name =
            name.replace("International", "Intl.")
                .replace("Manufacturing", "Mfg.")
                .replace("Services", "Svcs")
                .replace("Laboratories", "Labs");
      } else if (noise < 50) {
        name = "The " + name;
      }
      int suffix = random.nextInt(100);
      if (suffix < 40) {
        name = name + " " + pick(country.legalForms());
      } else if (suffix < 55) {
        name = name + ", " + pick(country.legalForms());
      } else if (suffix < 65) {
        name = name.replace(" ", ". ") + " " + pick(country.legalForms());
      }
      return name;
    }

    /** One slip of the keyboard in a word of five letters or more. */
    private String typo(String name) {
      String[] words = name.split(" ");
      List<Integer> long5 = new ArrayList<>();
      for (int i = 0; i < words.length; i++) {
        if (words[i].length() >= 5) {
          long5.add(i);
        }
      }
      if (long5.isEmpty()) {
        return name;
      }
      int w = long5.get(random.nextInt(long5.size()));
      String word = words[w];
      int at = 1 + random.nextInt(word.length() - 2);
      words[w] =
          switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1); // dropped
            case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at); // doubled
            case 2 -> // swapped with its neighbour
                word.substring(0, at)
                    + word.charAt(at + 1)
                    + word.charAt(at)
                    + word.substring(at + 2);
            default ->
                word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at + 1);
          };
      return String.join(" ", words);
    }

    private void person(Map<String, String> fields) {
      put(
          fields,
          "FirstName",
          pick(new String[] {"Ann", "Bob", "Chen", "Dara", "Eva", "Finn", "Gia"}));
      put(fields, "LastName", pick(SURNAMES));
    }

    private String mailbox(Map<String, String> fields) {
      return slug(fields.get("FirstName") + "." + fields.get("LastName")) + random.nextInt(100);
    }

    private String leadId() {
      return new SalesforceId(String.format(Locale.ROOT, "00QEV%010d", ++nextLead)).value();
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }

    private static String countryWord(Country country) {
      return switch (country.iso()) {
        case "DE" -> "Deutschland";
        case "GB" -> "UK";
        case "FR" -> "France";
        case "IT" -> "Italia";
        case "NL" -> "Nederland";
        case "ES" -> "España";
        case "SE" -> "Sverige";
        case "JP" -> "Japan";
        default -> "USA";
      };
    }

    private static void put(Map<String, String> fields, String name, String value) {
      if (value != null) {
        fields.put(name, value);
      }
    }
  }

  /** A host label from a name: lower-case ASCII letters and digits. */
  static String slug(String name) {
    String ascii =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ß", "ss")
            .replace("ł", "l")
            .replace("ś", "s")
            .toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9.]", "");
  }
}

package dev.leadrouter.emulator.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Plans the leads of a run from what the org already holds, deterministically for a seed: leads
 * from existing accounts' domains, new companies, free-mail addresses, duplicates of open leads and
 * contacts, resubmissions of the run's own leads, partner deal registrations, and a webinar burst;
 * about a third with dirty data (odd casing, stray spaces, country names and aliases, bad phones).
 */
final class LeadMix {

  /** An existing account, as its Website and country tell a form handler. */
  record Account(String name, String domain, String countryCode, String country) {}

  /** An existing lead or contact, whose person may fill in a form again. */
  record Person(String firstName, String lastName, String email, String company) {}

  private static final List<String> FREE_MAIL =
      List.of(
          "gmail.com",
          "yahoo.com",
          "outlook.com",
          "hotmail.com",
          "gmx.de",
          "web.de",
          "icloud.com",
          "proton.me");
  private static final List<String> FIRST =
      List.of(
          "Alex", "Sam", "Jordan", "Taylor", "Maria", "Jonas", "Lena", "Noah", "Emma", "Lucas",
          "Mia", "Omar", "Yuki", "Ines", "Piotr", "Sofia", "Liam", "Chloé", "Björn", "Zoë");
  private static final List<String> LAST =
      List.of(
          "Becker",
          "Nguyen",
          "Rossi",
          "Martin",
          "Kowalski",
          "Schmidt",
          "Dubois",
          "García",
          "Jensen",
          "Tanaka",
          "O'Neill",
          "Müller",
          "Fischer",
          "Silva",
          "Cohen",
          "Novak");
  private static final List<String> NEW_COMPANY_A =
      List.of(
          "Bright", "Quiet", "Rapid", "Golden", "Urban", "Hidden", "Little", "Open", "Future",
          "Swift", "Lucky", "Wild");
  private static final List<String> NEW_COMPANY_B =
      List.of(
          "Otter", "Fox", "Lantern", "Compass", "Anchor", "Pixel", "Harvest", "Beacon", "Orchard",
          "Rocket", "Meadow", "Circuit");
  private static final List<String> TITLES =
      List.of(
          "CEO",
          "VP Sales",
          "Head of Marketing",
          "Director IT",
          "Marketing Manager",
          "Founder",
          "Software Engineer",
          "Procurement Lead",
          "Student",
          "Consultant");
  private static final List<String[]> COUNTRIES =
      List.of(
          new String[] {"US", "United States", "USA", "U.S.", "united states of america"},
          new String[] {"GB", "United Kingdom", "UK", "Great Britain", "England"},
          new String[] {"DE", "Germany", "Deutschland", "germany ", "GER"},
          new String[] {"AT", "Austria", "Österreich", "AUSTRIA"},
          new String[] {"CH", "Switzerland", "Schweiz", "Suisse"},
          new String[] {"FR", "France", "france", "République française"},
          new String[] {"NL", "Netherlands", "Holland", "The Netherlands"},
          new String[] {"ES", "Spain", "España"},
          new String[] {"CA", "Canada", "canada"},
          new String[] {"AU", "Australia", "Aus"});
  private static final List<String> BAD_PHONES =
      List.of(
          "n/a",
          "0000",
          "12345",
          "+49 (0)30 1234-567",
          "555-CALL-NOW",
          "  +1 415 555 0100 ",
          "ask for Bob");

  private final Random random;
  private final List<Account> accounts;
  private final List<Person> people;

  LeadMix(long seed, List<Account> accounts, List<Person> people) {
    this.random = new Random(seed);
    this.accounts = List.copyOf(accounts);
    this.people = List.copyOf(people);
  }

  /**
   * Plans {@code count} leads; the {@code webinarShare} of them (rounded) form a burst, submitted
   * together halfway through the run.
   */
  List<PlannedLead> plan(int count, double webinarShare) {
    int webinar = (int) Math.round(count * webinarShare);
    int burstStart = (count - webinar) / 2;
    List<PlannedLead> leads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean inBurst = i >= burstStart && i < burstStart + webinar;
      leads.add(next(i, inBurst, leads));
    }
    return leads;
  }

  private PlannedLead next(int sequence, boolean webinar, List<PlannedLead> earlier) {
    int roll = random.nextInt(100);
    String kind;
    Map<String, Object> fields;
    if (roll < 38 && !accounts.isEmpty()) {
      kind = "account-domain";
      fields = fromAccount(accounts.get(random.nextInt(accounts.size())));
    } else if (roll < 62) {
      kind = "new-company";
      fields = newCompany();
    } else if (roll < 78) {
      kind = "free-mail";
      fields = freeMail();
    } else if (roll < 88 && !people.isEmpty()) {
      kind = "duplicate";
      fields = duplicate(people.get(random.nextInt(people.size())));
    } else if (roll < 93 && !earlier.isEmpty()) {
      kind = "resubmission";
      fields = new LinkedHashMap<>(earlier.get(random.nextInt(earlier.size())).fields());
    } else {
      kind = "partner";
      fields = newCompany();
      fields.put("Deal_Registration__c", true);
      fields.put("LeadSource", "Partner Referral");
    }
    if (webinar) {
      kind = "webinar:" + kind;
      fields.put("LeadSource", "Webinar");
      fields.put("Description", "Webinar: Routing inbound leads in real time");
    }
    boolean dirty = random.nextInt(3) == 0;
    if (dirty) {
      dirty(fields);
    }
    return new PlannedLead(sequence, kind, dirty, fields);
  }

  private Map<String, Object> fromAccount(Account account) {
    Map<String, Object> fields = person(account.domain());
    fields.put("Company", account.name());
    fields.put("Website", account.domain());
    fields.put("Country", account.country());
    fields.put("CountryCode", account.countryCode());
    fields.put("NumberOfEmployees", random.nextInt(4) == 0 ? null : employees());
    return fields;
  }

  private Map<String, Object> newCompany() {
    String name =
        NEW_COMPANY_A.get(random.nextInt(NEW_COMPANY_A.size()))
            + " "
            + NEW_COMPANY_B.get(random.nextInt(NEW_COMPANY_B.size()))
            + " "
            + (100 + random.nextInt(900));
    String[] country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
    String domain = name.toLowerCase(Locale.ROOT).replace(" ", "") + "." + tld(country[0]);
    Map<String, Object> fields = person(domain);
    fields.put("Company", name + (country[0].equals("DE") ? " GmbH" : " Inc."));
    fields.put("Country", country[1]);
    fields.put("CountryCode", country[0]);
    fields.put("NumberOfEmployees", employees());
    return fields;
  }

  private Map<String, Object> freeMail() {
    Map<String, Object> fields = person(FREE_MAIL.get(random.nextInt(FREE_MAIL.size())));
    String[] country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
    fields.put("Company", random.nextInt(3) == 0 ? "[not provided]" : fields.get("LastName"));
    fields.put("Country", country[1]);
    fields.put("CountryCode", country[0]);
    return fields;
  }

  private Map<String, Object> duplicate(Person person) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("FirstName", person.firstName());
    fields.put("LastName", person.lastName());
    fields.put("Email", random.nextBoolean() ? person.email() : mixedCase(person.email()));
    fields.put("Company", person.company() == null ? "[not provided]" : person.company());
    fields.put("LeadSource", "Web");
    return fields;
  }

  private Map<String, Object> person(String domain) {
    String first = FIRST.get(random.nextInt(FIRST.size()));
    String last = LAST.get(random.nextInt(LAST.size()));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("FirstName", first);
    fields.put("LastName", last);
    fields.put(
        "Email",
        (ascii(first) + "." + ascii(last) + (random.nextInt(10) == 0 ? random.nextInt(99) : ""))
                .toLowerCase(Locale.ROOT)
            + "@"
            + domain);
    fields.put("Title", TITLES.get(random.nextInt(TITLES.size())));
    fields.put("Phone", "+1 555 " + (1000000 + random.nextInt(8999999)));
    fields.put("LeadSource", random.nextInt(5) == 0 ? "Phone Inquiry" : "Web");
    fields.put("Demo_Requested__c", random.nextInt(4) == 0);
    fields.put("Marketing_Consent__c", random.nextInt(5) != 0);
    return fields;
  }

  /** Makes the lead look typed by a hurried person or an old import. */
  private void dirty(Map<String, Object> fields) {
    switch (random.nextInt(4)) {
      case 0 -> fields.computeIfPresent("Company", (k, v) -> oddCase(v.toString()));
      case 1 ->
          fields.computeIfPresent(
              "Company", (k, v) -> "  " + v.toString().replace(" ", "  ") + " ");
      case 2 -> {
        Object code = fields.remove("CountryCode");
        COUNTRIES.stream()
            .filter(c -> c[0].equals(code))
            .findFirst()
            .ifPresent(c -> fields.put("Country", c[1 + random.nextInt(c.length - 1)]));
      }
      default -> fields.put("Phone", BAD_PHONES.get(random.nextInt(BAD_PHONES.size())));
    }
    if (random.nextBoolean()) {
      fields.computeIfPresent("Email", (k, v) -> mixedCase(v.toString()));
    }
  }

  private String oddCase(String text) {
    return random.nextBoolean() ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
  }

  private static String mixedCase(String email) {
    int at = email.indexOf('@');
    return at < 0
        ? email
        : Character.toUpperCase(email.charAt(0))
            + email.substring(1, at)
            + email.substring(at).toUpperCase(Locale.ROOT);
  }

  private int employees() {
    double roll = random.nextDouble();
    return roll < 0.4
        ? 5 + random.nextInt(45)
        : roll < 0.8 ? 50 + random.nextInt(950) : 1000 + random.nextInt(20000);
  }

  private static String tld(String countryCode) {
    return switch (countryCode) {
      case "US" -> "com";
      case "GB" -> "co.uk";
      case "AU" -> "com.au";
      default -> countryCode.toLowerCase(Locale.ROOT);
    };
  }

  private static String ascii(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[^A-Za-z]", "");
  }
}

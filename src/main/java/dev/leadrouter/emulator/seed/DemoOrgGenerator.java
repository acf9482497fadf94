package dev.leadrouter.emulator.seed;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.lead.SalesforceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The demo org: a mid-market company's Salesforce, generated from a seeded {@link Random} so every
 * run (and every machine) gets the very same org. About 10,000 accounts in 20 countries (parents
 * with subsidiaries abroad; customers, partners and prospects), 60 users in teams (Enterprise,
 * Commercial, DACH, SDR pool, Channel) with managers, time zones and lead capacities, queues,
 * contacts on customer accounts, open leads (so new leads can be duplicates), business hours,
 * holidays and Routing_Rule__mdt records.
 *
 * <p>Generated on start rather than committed: the seed is about 5 MB of JSON, it takes well under
 * a second to build, and code reviews better than a blob. Users and queues carry fixed ids (infix
 * {@code Dm}) because {@code config/demo/rules.yaml} names them; every other record is numbered in
 * generation order, so ids are stable too.
 */
public final class DemoOrgGenerator {

  /** The seed the demo uses; other seeds give other, equally valid orgs. */
  public static final long DEFAULT_SEED = 2026;

  public static final String CLIENT_ID = "3MVG9DemoOrgLeadRouterClientId";
  public static final String CLIENT_SECRET = "demo-org-secret";
  public static final String INTEGRATION_USER = "integration@demo.lead-router.dev";
  public static final String INTEGRATION_PASSWORD = "demo-password";
  public static final String ASSIGNMENT_RULE_QUEUE = "Inbound_Leads";

  private static final int ACCOUNTS = 10_000;
  private static final int OPEN_LEADS = 600;

  private final Random random;
  private final DemoCatalog catalog = new DemoCatalog();
  private final Map<String, Long> issued = new LinkedHashMap<>();

  public DemoOrgGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The demo org, ready to serve. */
  public static Org org(Clock clock) {
    Map<String, Object> seed = new DemoOrgGenerator(DEFAULT_SEED).seed();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> leads = (List<Map<String, Object>>) seed.get("leads");
    backdate(leads, clock);
    return Org.fromSeed(seed, clock);
  }

  /**
   * Open leads came in over the last 60 days, as in a live org, not the moment the emulator
   * started: a worker reconciling "leads created since" must not take them for new ones.
   */
  private static void backdate(List<Map<String, Object>> leads, Clock clock) {
    java.time.Instant now = clock.instant();
    for (int i = 0; i < leads.size(); i++) {
      String at =
          dev.leadrouter.emulator.org.OrgData.DATE_TIME.format(
              now.minus(java.time.Duration.ofDays(1 + i % 60)).minusSeconds(i * 97L % 86_400));
      leads.get(i).put("CreatedDate", at);
      leads.get(i).put("LastModifiedDate", at);
      leads.get(i).put("SystemModstamp", at);
    }
  }

  /** The seed as JSON-compatible maps, in the format {@link Org#fromSeed} reads. */
  public Map<String, Object> seed() {
    Map<String, Object> seed = new LinkedHashMap<>();
    seed.put(
        "fields",
        Map.of(
            "Lead",
            List.of(
                "Language__c",
                "Product_Interest__c",
                "Demo_Requested__c",
                "Marketing_Consent__c",
                "HasOptedOutOfEmail",
                "Deal_Registration__c",
                "Description"),
            "Account",
            List.of("Type", "ParentId", "BillingCity", "Phone", "Description"),
            "User",
            List.of("Team__c", "Lead_Capacity__c", "Title", "Department"),
            "Contact",
            List.of("Department", "MailingCountry")));
    List<Map<String, Object>> users = users();
    seed.put("users", users);
    seed.put("queues", queues());
    List<Map<String, Object>> accounts = accounts(users);
    seed.put("accounts", accounts);
    seed.put("contacts", contacts(accounts));
    seed.put("leads", leads(users));
    seed.put("apps", List.of(app()));
    seed.put("lead_assignment_rule", Map.of("queue", ASSIGNMENT_RULE_QUEUE));
    seed.put("business_hours", businessHours());
    seed.put("holidays", holidays());
    seed.put("custom_metadata", Map.of("Routing_Rule__mdt", routingRules()));
    return seed;
  }

  // ---- users and queues ------------------------------------------------------------------

  /** One seat of the sales org: team, title, home time zone and how many open leads it takes. */
  private record Seat(String team, String title, String timeZone, int capacity, String locale) {}

  private List<Map<String, Object>> users() {
    List<Seat> seats = new ArrayList<>();
    seats.add(new Seat("Leadership", "VP Sales", "America/New_York", 0, "en_US"));
    seats.add(new Seat("Operations", "Sales Operations Manager", "America/Chicago", 0, "en_US"));
    seats.add(new Seat("Enterprise", "Enterprise Sales Director", "America/New_York", 0, "en_US"));
    for (int i = 0; i < 10; i++) {
      String zone = i < 4 ? "America/New_York" : i < 8 ? "America/Los_Angeles" : "Europe/London";
      seats.add(new Seat("Enterprise", "Enterprise Account Executive", zone, 30, "en_US"));
    }
    seats.add(new Seat("Commercial", "Commercial Sales Manager", "America/Chicago", 0, "en_US"));
    for (int i = 0; i < 16; i++) {
      String zone =
          i < 5
              ? "America/New_York"
              : i < 9 ? "America/Chicago" : i < 13 ? "America/Los_Angeles" : "Europe/London";
      seats.add(new Seat("Commercial", "Account Executive", zone, 40, "en_US"));
    }
    seats.add(new Seat("DACH", "Head of Sales DACH", "Europe/Berlin", 0, "de_DE"));
    for (int i = 0; i < 8; i++) {
      String zone = i < 5 ? "Europe/Berlin" : i < 7 ? "Europe/Vienna" : "Europe/Zurich";
      seats.add(new Seat("DACH", "Account Executive DACH", zone, 35, "de_DE"));
    }
    seats.add(new Seat("SDR", "SDR Manager", "America/New_York", 0, "en_US"));
    for (int i = 0; i < 14; i++) {
      String zone =
          i < 6
              ? "America/New_York"
              : i < 10 ? "America/Los_Angeles" : i < 12 ? "Europe/Dublin" : "Europe/Berlin";
      seats.add(new Seat("SDR", "Sales Development Representative", zone, 60, "en_US"));
    }
    seats.add(new Seat("Channel", "Channel Manager", "America/Chicago", 25, "en_US"));
    seats.add(new Seat("Channel", "Channel Manager", "Europe/London", 25, "en_GB"));
    seats.add(new Seat("Channel", "Channel Manager", "Europe/Berlin", 25, "de_DE"));
    seats.add(
        new Seat("Enterprise", "Enterprise Account Executive", "America/New_York", 30, "en_US"));
    seats.add(new Seat("Commercial", "Account Executive", "America/Chicago", 40, "en_US"));
    // Sized to 60 with the integration user; the last two have left the company.
    List<Map<String, Object>> users = new ArrayList<>();
    Map<String, Object> integration =
        user(
            1,
            "Integration",
            "User",
            INTEGRATION_USER,
            "Operations",
            "Integration User",
            "America/Los_Angeles",
            0,
            "en_US",
            true);
    integration.put("password", INTEGRATION_PASSWORD);
    users.add(integration);
    Set<String> usernames = new HashSet<>();
    Map<String, String> managerOfTeam = new LinkedHashMap<>();
    String vp = null;
    for (Seat seat : seats) {
      String[] name = uniqueName(seat.locale(), usernames);
      boolean active = users.size() < 58;
      Map<String, Object> user =
          user(
              users.size() + 1,
              name[0],
              name[1],
              null,
              seat.team(),
              seat.title(),
              seat.timeZone(),
              seat.capacity(),
              seat.locale(),
              active);
      String id = (String) user.get("Id");
      if (seat.title().startsWith("VP")) {
        vp = id;
      } else if (seat.capacity() == 0) {
        managerOfTeam.put(seat.team(), id);
        user.put("ManagerId", vp);
      } else {
        user.put("ManagerId", managerOfTeam.getOrDefault(seat.team(), vp));
      }
      users.add(user);
    }
    return users;
  }

  private Map<String, Object> user(
      int number,
      String first,
      String last,
      String username,
      String team,
      String title,
      String zone,
      int capacity,
      String locale,
      boolean active) {
    String login =
        username != null
            ? username
            : DemoCatalog.ascii(first + "." + last).toLowerCase(Locale.ROOT)
                + "@demo.lead-router.dev";
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("Id", fixedId("005", number));
    user.put("Username", login);
    user.put("FirstName", first);
    user.put("LastName", last);
    user.put("Email", login);
    user.put("IsActive", active);
    user.put("TimeZoneSidKey", zone);
    user.put("LocaleSidKey", locale);
    user.put("UserType", "Standard");
    user.put("Title", title);
    user.put("Department", "Sales");
    user.put("Team__c", team);
    user.put("Lead_Capacity__c", capacity);
    user.put("ManagerId", null);
    return user;
  }

  private String[] uniqueName(String locale, Set<String> taken) {
    while (true) {
      String[] name = catalog.personName(random, locale.startsWith("de") ? "DE" : "US");
      if (taken.add(name[0] + " " + name[1])) {
        return name;
      }
    }
  }

  /** Queue DeveloperNames, in id order; {@code config/demo/rules.yaml} names them. */
  public static final List<String> QUEUES =
      List.of(
          "Catch_All",
          "General_Inbound",
          "DACH_Inbound",
          "Enterprise_Overflow",
          "SDR_Overflow",
          "Nurture_Consent",
          "Partner_Inbound",
          ASSIGNMENT_RULE_QUEUE);

  private static List<Map<String, Object>> queues() {
    List<Map<String, Object>> queues = new ArrayList<>();
    for (int i = 0; i < QUEUES.size(); i++) {
      Map<String, Object> queue = new LinkedHashMap<>();
      queue.put("Id", fixedId("00G", i + 1));
      queue.put("Name", QUEUES.get(i).replace('_', ' '));
      queue.put("DeveloperName", QUEUES.get(i));
      queues.add(queue);
    }
    return queues;
  }

  // ---- accounts, contacts, leads ----------------------------------------------------------

  private List<Map<String, Object>> accounts(List<Map<String, Object>> users) {
    Map<String, List<String>> owners = ownersByTeam(users);
    List<String> departed =
        users.stream()
            .filter(u -> Boolean.FALSE.equals(u.get("IsActive")))
            .map(u -> (String) u.get("Id"))
            .toList();
    List<Map<String, Object>> accounts = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> domains = new HashSet<>();
    while (accounts.size() < ACCOUNTS) {
      DemoCatalog.Country country = catalog.country(random);
      String base = uniqueBase(names, domains, country);
      Map<String, Object> parent = account(base, country, country.domain(base), null);
      accounts.add(parent);
      // About one account in twelve is a group with subsidiaries abroad, sharing its brand.
      if (random.nextInt(12) == 0) {
        int subsidiaries = 1 + random.nextInt(4);
        for (int i = 0; i < subsidiaries && accounts.size() < ACCOUNTS; i++) {
          DemoCatalog.Country abroad = catalog.country(random);
          if (abroad.code().equals(country.code())) {
            continue;
          }
          String name = base + " " + abroad.name();
          if (!names.add(name.toLowerCase(Locale.ROOT))) {
            continue;
          }
          String domain = abroad.domain(base);
          if (!domains.add(domain)) {
            domain = country.domain(base);
          }
          Map<String, Object> subsidiary = account(name, abroad, domain, (String) parent.get("Id"));
          subsidiary.put("Type", parent.get("Type"));
          accounts.add(subsidiary);
        }
      }
    }
    for (Map<String, Object> account : accounts) {
      account.put("OwnerId", owner(account, owners, departed));
    }
    return accounts;
  }

  private String uniqueBase(Set<String> names, Set<String> domains, DemoCatalog.Country country) {
    while (true) {
      String base = catalog.companyBase(random);
      String domain = country.domain(base);
      if (!names.contains(base.toLowerCase(Locale.ROOT)) && !domains.contains(domain)) {
        names.add(base.toLowerCase(Locale.ROOT));
        domains.add(domain);
        return base;
      }
    }
  }

  private Map<String, Object> account(
      String base, DemoCatalog.Country country, String domain, String parentId) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("Id", numberedId("001"));
    // A subsidiary's base already names its country, e.g. "Redwoodcloud Energy Canada".
    account.put("Name", base + country.legalSuffix(random));
    account.put("Website", random.nextInt(5) == 0 ? domain : "https://www." + domain);
    account.put("Industry", catalog.industry(random));
    int employees = employees();
    account.put("NumberOfEmployees", employees);
    account.put("AnnualRevenue", (long) employees * (80_000L + random.nextInt(170_000)));
    int roll = random.nextInt(100);
    account.put("Type", roll < 28 ? "Customer" : roll < 33 ? "Partner" : "Prospect");
    account.put("ParentId", parentId);
    account.put("BillingCity", country.city(random));
    account.put("BillingCountry", country.name());
    account.put("BillingCountryCode", country.code());
    String state = country.state(random);
    account.put("BillingState", state);
    account.put("BillingStateCode", state);
    account.put("Phone", country.phone(random));
    return account;
  }

  /** Mostly small and mid-sized, with a long tail of large companies. */
  private int employees() {
    double roll = random.nextDouble();
    if (roll < 0.45) {
      return 10 + random.nextInt(190);
    }
    if (roll < 0.80) {
      return 200 + random.nextInt(800);
    }
    if (roll < 0.95) {
      return 1000 + random.nextInt(9000);
    }
    return 10_000 + random.nextInt(90_000);
  }

  private static Map<String, List<String>> ownersByTeam(List<Map<String, Object>> users) {
    Map<String, List<String>> owners = new LinkedHashMap<>();
    for (Map<String, Object> user : users) {
      if (Boolean.TRUE.equals(user.get("IsActive"))
          && ((Integer) user.get("Lead_Capacity__c")) > 0) {
        owners
            .computeIfAbsent((String) user.get("Team__c"), team -> new ArrayList<>())
            .add((String) user.get("Id"));
      }
    }
    return owners;
  }

  /**
   * Who owns an account: partners the channel team, DACH accounts the DACH team, large accounts
   * Enterprise, the rest Commercial; prospects often sit with an SDR, and a few still with people
   * who have left (their leads must not go to them).
   */
  private String owner(
      Map<String, Object> account, Map<String, List<String>> owners, List<String> departed) {
    if (random.nextInt(100) < 2) {
      return departed.get(random.nextInt(departed.size()));
    }
    String country = (String) account.get("BillingCountryCode");
    String team;
    if ("Partner".equals(account.get("Type"))) {
      team = "Channel";
    } else if (List.of("DE", "AT", "CH").contains(country)) {
      team = "DACH";
    } else if ((Integer) account.get("NumberOfEmployees") > 1000) {
      team = "Enterprise";
    } else if ("Prospect".equals(account.get("Type")) && random.nextBoolean()) {
      team = "SDR";
    } else {
      team = "Commercial";
    }
    List<String> candidates = owners.get(team);
    return candidates.get(random.nextInt(candidates.size()));
  }

  private List<Map<String, Object>> contacts(List<Map<String, Object>> accounts) {
    List<Map<String, Object>> contacts = new ArrayList<>();
    for (Map<String, Object> account : accounts) {
      if (!"Customer".equals(account.get("Type")) || random.nextInt(3) != 0) {
        continue;
      }
      String domain = DemoCatalog.domainOf((String) account.get("Website"));
      int count = 1 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        String[] name = catalog.personName(random, (String) account.get("BillingCountryCode"));
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("Id", numberedId("003"));
        contact.put("FirstName", name[0]);
        contact.put("LastName", name[1]);
        contact.put("Email", DemoCatalog.email(name, domain));
        contact.put("Title", catalog.title(random));
        contact.put("AccountId", account.get("Id"));
        contact.put("OwnerId", account.get("OwnerId"));
        contact.put("MailingCountry", account.get("BillingCountry"));
        contacts.add(contact);
      }
    }
    return contacts;
  }

  private List<Map<String, Object>> leads(List<Map<String, Object>> users) {
    List<String> sdrs =
        users.stream()
            .filter(u -> "SDR".equals(u.get("Team__c")) && (Integer) u.get("Lead_Capacity__c") > 0)
            .map(u -> (String) u.get("Id"))
            .toList();
    List<Map<String, Object>> leads = new ArrayList<>();
    for (int i = 0; i < OPEN_LEADS; i++) {
      DemoCatalog.Country country = catalog.country(random);
      String base = catalog.companyBase(random);
      String[] name = catalog.personName(random, country.code());
      Map<String, Object> lead = new LinkedHashMap<>();
      lead.put("Id", numberedId("00Q"));
      lead.put("FirstName", name[0]);
      lead.put("LastName", name[1]);
      lead.put("Company", base + country.legalSuffix(random));
      lead.put("Email", DemoCatalog.email(name, country.domain(base)));
      lead.put("Title", catalog.title(random));
      lead.put("Country", country.name());
      lead.put("CountryCode", country.code());
      lead.put("Status", random.nextInt(3) == 0 ? "Working - Contacted" : "Open - Not Contacted");
      lead.put("LeadSource", catalog.leadSource(random));
      lead.put("Industry", catalog.industry(random));
      lead.put("NumberOfEmployees", employees());
      lead.put("OwnerId", sdrs.get(random.nextInt(sdrs.size())));
      leads.add(lead);
    }
    return leads;
  }

  // ---- app, calendars, metadata -----------------------------------------------------------

  private static Map<String, Object> app() {
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("client_id", CLIENT_ID);
    app.put("client_secret", CLIENT_SECRET);
    app.put("username", INTEGRATION_USER);
    try (InputStream pem =
        DemoOrgGenerator.class.getResourceAsStream("/emulator/demo-app.crt.pem")) {
      app.put(
          "certificate",
          new String(
              Objects.requireNonNull(pem, "demo-app.crt.pem").readAllBytes(),
              StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return app;
  }

  private static List<Map<String, Object>> businessHours() {
    return List.of(
        hours("Americas", true, "America/New_York", "08:00", "18:00"),
        hours("EMEA", false, "Europe/London", "08:00", "18:00"),
        hours("DACH", false, "Europe/Berlin", "08:30", "17:30"));
  }

  private static Map<String, Object> hours(
      String name, boolean isDefault, String zone, String start, String end) {
    Map<String, Object> hours = new LinkedHashMap<>();
    hours.put("Name", name);
    hours.put("IsActive", true);
    hours.put("IsDefault", isDefault);
    hours.put("TimeZoneSidKey", zone);
    for (String day : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")) {
      hours.put(day + "StartTime", start + ":00.000Z");
      hours.put(day + "EndTime", end + ":00.000Z");
    }
    for (String day : List.of("Saturday", "Sunday")) {
      hours.put(day + "StartTime", null);
      hours.put(day + "EndTime", null);
    }
    return hours;
  }

  private static List<Map<String, Object>> holidays() {
    List<Map<String, Object>> holidays = new ArrayList<>();
    for (String[] holiday :
        new String[][] {
          {"Christmas Eve", "2026-12-24"},
          {"Christmas Day", "2026-12-25"},
          {"New Year's Eve", "2026-12-31"},
          {"New Year's Day", "2027-01-01"},
          {"German Unity Day", "2027-10-03"},
          {"Independence Day", "2027-07-04"}
        }) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("Name", holiday[0]);
      record.put("ActivityDate", holiday[1]);
      record.put("IsAllDay", true);
      record.put("IsRecurrence", false);
      holidays.add(record);
    }
    return holidays;
  }

  private static List<Map<String, Object>> routingRules() {
    List<Map<String, Object>> rules = new ArrayList<>();
    String[][] rows = {
      {"Partner_Channel", "5", "team", "Channel"},
      {"Existing_Lead_Owner", "10", "existingOwner", ""},
      {"Existing_Account_Owner", "20", "accountOwner", ""},
      {"Enterprise_Team", "30", "team", "Enterprise"},
      {"DACH_Territory", "40", "territory", ""},
      {"Commercial_Team", "60", "team", "Commercial"},
      {"SDR_Pool", "70", "team", "SDR"}
    };
    for (String[] row : rows) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("DeveloperName", row[0]);
      rule.put("Order__c", Integer.parseInt(row[1]));
      rule.put("Active__c", true);
      rule.put("Action_Type__c", row[2]);
      rule.put("Team__c", row[3].isEmpty() ? null : row[3]);
      rules.add(rule);
    }
    return rules;
  }

  // ---- ids ---------------------------------------------------------------------------------

  /** A fixed id for a user or queue that the demo rule set names, e.g. {@code 005Dm0000000001}. */
  public static String fixedId(String keyPrefix, int number) {
    return new SalesforceId(keyPrefix + "Dm" + String.format(Locale.ROOT, "%010d", number)).value();
  }

  private String numberedId(String keyPrefix) {
    long number = issued.merge(keyPrefix, 1L, Long::sum);
    return new SalesforceId(keyPrefix + "Dm" + String.format(Locale.ROOT, "%010d", number)).value();
  }
}

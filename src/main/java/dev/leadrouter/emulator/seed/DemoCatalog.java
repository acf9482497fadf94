package dev.leadrouter.emulator.seed;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The word lists the demo org and its leads are made from: countries with their domains, legal
 * forms, cities and phone formats; company name parts; people's names by region; industries and
 * titles. Pure data and pure functions of the {@link Random} handed in.
 */
final class DemoCatalog {

  /**
   * A country accounts are in.
   *
   * @param weight how many accounts it gets relative to others
   * @param tld the domain suffix companies there use, e.g. {@code de} or {@code co.uk}
   */
  record Country(
      String code,
      String name,
      int weight,
      String tld,
      List<String> legalForms,
      List<String> cities,
      List<String> states,
      String dialCode,
      String names) {

    String domain(String base) {
      return slug(base) + "." + tld;
    }

    String legalSuffix(Random random) {
      return " " + legalForms.get(random.nextInt(legalForms.size()));
    }

    String city(Random random) {
      return cities.get(random.nextInt(cities.size()));
    }

    String state(Random random) {
      return states.isEmpty() ? null : states.get(random.nextInt(states.size()));
    }

    String phone(Random random) {
      return dialCode + " " + (100 + random.nextInt(900)) + " " + (1000 + random.nextInt(9000));
    }
  }

  static final List<Country> COUNTRIES =
      List.of(
          new Country(
              "US",
              "United States",
              30,
              "com",
              List.of("Inc.", "LLC", "Corp."),
              List.of(
                  "New York",
                  "Austin",
                  "Chicago",
                  "Seattle",
                  "Boston",
                  "Denver",
                  "Atlanta",
                  "San Francisco",
                  "Miami",
                  "Portland"),
              List.of("NY", "TX", "IL", "WA", "MA", "CO", "GA", "CA", "FL", "OR"),
              "+1",
              "US"),
          new Country(
              "CA",
              "Canada",
              5,
              "ca",
              List.of("Inc.", "Ltd."),
              List.of("Toronto", "Vancouver", "Montreal", "Calgary"),
              List.of("ON", "BC", "QC", "AB"),
              "+1",
              "US"),
          new Country(
              "GB",
              "United Kingdom",
              10,
              "co.uk",
              List.of("Ltd", "plc", "LLP"),
              List.of("London", "Manchester", "Bristol", "Leeds", "Edinburgh"),
              List.of(),
              "+44",
              "GB"),
          new Country(
              "IE",
              "Ireland",
              2,
              "ie",
              List.of("Ltd", "DAC"),
              List.of("Dublin", "Cork", "Galway"),
              List.of(),
              "+353",
              "GB"),
          new Country(
              "DE",
              "Germany",
              10,
              "de",
              List.of("GmbH", "AG", "SE", "GmbH & Co. KG"),
              List.of(
                  "Berlin",
                  "München",
                  "Hamburg",
                  "Köln",
                  "Frankfurt am Main",
                  "Stuttgart",
                  "Düsseldorf",
                  "Leipzig"),
              List.of(),
              "+49",
              "DE"),
          new Country(
              "AT",
              "Austria",
              3,
              "at",
              List.of("GmbH", "AG"),
              List.of("Wien", "Graz", "Linz", "Salzburg"),
              List.of(),
              "+43",
              "DE"),
          new Country(
              "CH",
              "Switzerland",
              3,
              "ch",
              List.of("AG", "GmbH", "SA"),
              List.of("Zürich", "Basel", "Bern", "Genève", "Lausanne"),
              List.of(),
              "+41",
              "DE"),
          new Country(
              "FR",
              "France",
              6,
              "fr",
              List.of("SAS", "SA", "SARL"),
              List.of("Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes"),
              List.of(),
              "+33",
              "FR"),
          new Country(
              "NL",
              "Netherlands",
              4,
              "nl",
              List.of("B.V.", "N.V."),
              List.of("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"),
              List.of(),
              "+31",
              "NL"),
          new Country(
              "BE",
              "Belgium",
              2,
              "be",
              List.of("NV", "SA", "BV"),
              List.of("Brussels", "Antwerp", "Ghent"),
              List.of(),
              "+32",
              "NL"),
          new Country(
              "ES",
              "Spain",
              4,
              "es",
              List.of("S.L.", "S.A."),
              List.of("Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"),
              List.of(),
              "+34",
              "ES"),
          new Country(
              "IT",
              "Italy",
              4,
              "it",
              List.of("S.p.A.", "S.r.l."),
              List.of("Milano", "Roma", "Torino", "Bologna", "Firenze"),
              List.of(),
              "+39",
              "IT"),
          new Country(
              "SE",
              "Sweden",
              2,
              "se",
              List.of("AB"),
              List.of("Stockholm", "Göteborg", "Malmö"),
              List.of(),
              "+46",
              "NORDIC"),
          new Country(
              "DK",
              "Denmark",
              2,
              "dk",
              List.of("A/S", "ApS"),
              List.of("København", "Aarhus", "Odense"),
              List.of(),
              "+45",
              "NORDIC"),
          new Country(
              "NO",
              "Norway",
              1,
              "no",
              List.of("AS", "ASA"),
              List.of("Oslo", "Bergen", "Trondheim"),
              List.of(),
              "+47",
              "NORDIC"),
          new Country(
              "FI",
              "Finland",
              1,
              "fi",
              List.of("Oy", "Oyj"),
              List.of("Helsinki", "Espoo", "Tampere"),
              List.of(),
              "+358",
              "NORDIC"),
          new Country(
              "PL",
              "Poland",
              2,
              "pl",
              List.of("Sp. z o.o.", "S.A."),
              List.of("Warszawa", "Kraków", "Wrocław", "Gdańsk"),
              List.of(),
              "+48",
              "PL"),
          new Country(
              "AU",
              "Australia",
              4,
              "com.au",
              List.of("Pty Ltd", "Ltd"),
              List.of("Sydney", "Melbourne", "Brisbane", "Perth"),
              List.of("NSW", "VIC", "QLD", "WA"),
              "+61",
              "GB"),
          new Country(
              "JP",
              "Japan",
              3,
              "co.jp",
              List.of("K.K.", "Co., Ltd."),
              List.of("Tokyo", "Osaka", "Yokohama", "Nagoya"),
              List.of(),
              "+81",
              "JP"),
          new Country(
              "SG",
              "Singapore",
              2,
              "com.sg",
              List.of("Pte. Ltd."),
              List.of("Singapore"),
              List.of(),
              "+65",
              "GB"));

  private static final List<String> PREFIXES =
      List.of(
          "Blue",
          "North",
          "Apex",
          "Nova",
          "Silver",
          "Bright",
          "Iron",
          "Clear",
          "Summit",
          "Harbor",
          "Pioneer",
          "Vertex",
          "Atlas",
          "Crest",
          "Evergreen",
          "Falcon",
          "Granite",
          "Horizon",
          "Lumen",
          "Maple",
          "Orbit",
          "Pinnacle",
          "Quantum",
          "Redwood",
          "Sterling",
          "Terra",
          "Union",
          "Vantage",
          "West",
          "Zenith",
          "Alpen",
          "Nord",
          "Rhein",
          "Elb",
          "Oak",
          "Polar",
          "Sun",
          "Coral",
          "Delta",
          "Echo",
          "Fjord",
          "Helix",
          "Kite",
          "Lotus",
          "Mosaic",
          "Nimbus",
          "Opal",
          "Prism",
          "Sage",
          "Tidal");

  private static final List<String> CORES =
      List.of(
          "Ridge",
          "Forge",
          "Logic",
          "Works",
          "Labs",
          "Systems",
          "Dynamics",
          "Point",
          "Bridge",
          "Stone",
          "Field",
          "Wave",
          "Path",
          "Gate",
          "Line",
          "Peak",
          "Shore",
          "Stream",
          "Vale",
          "Craft",
          "Data",
          "Soft",
          "Tech",
          "Flow",
          "Net",
          "Cloud",
          "Grid",
          "Link",
          "Mark",
          "Scope");

  private static final List<String> TRADES =
      List.of(
          "",
          "",
          "",
          "",
          " Analytics",
          " Logistics",
          " Health",
          " Energy",
          " Robotics",
          " Software",
          " Consulting",
          " Capital",
          " Foods",
          " Materials",
          " Media",
          " Security",
          " Solutions",
          " Group",
          " Industries",
          " Partners");

  private static final List<String> INDUSTRIES =
      List.of(
          "Technology",
          "Manufacturing",
          "Financial Services",
          "Healthcare",
          "Retail",
          "Education",
          "Energy",
          "Media",
          "Transportation",
          "Consulting",
          "Telecommunications",
          "Hospitality");

  private static final List<String> TITLES =
      List.of(
          "CEO",
          "CTO",
          "CFO",
          "VP Sales",
          "VP Marketing",
          "VP Engineering",
          "Director of Operations",
          "Head of IT",
          "Head of Procurement",
          "IT Manager",
          "Marketing Manager",
          "Sales Operations Analyst",
          "Software Engineer",
          "Office Manager",
          "Product Manager",
          "Data Analyst");

  private static final List<String> LEAD_SOURCES =
      List.of("Web", "Web", "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other");

  private static final Map<String, List<List<String>>> NAMES =
      Map.of(
          "US",
              List.of(
                  List.of(
                      "James",
                      "Mary",
                      "Robert",
                      "Patricia",
                      "Michael",
                      "Jennifer",
                      "David",
                      "Linda",
                      "Daniel",
                      "Sarah",
                      "Kevin",
                      "Emily",
                      "Brian",
                      "Jessica",
                      "Chris",
                      "Ashley",
                      "Marcus",
                      "Aisha",
                      "Carlos",
                      "Priya",
                      "Wei",
                      "Olivia"),
                  List.of(
                      "Smith",
                      "Johnson",
                      "Williams",
                      "Brown",
                      "Jones",
                      "Garcia",
                      "Miller",
                      "Davis",
                      "Rodriguez",
                      "Martinez",
                      "Wilson",
                      "Anderson",
                      "Taylor",
                      "Thomas",
                      "Moore",
                      "Jackson",
                      "Lee",
                      "Patel",
                      "Nguyen",
                      "Kim",
                      "Walker",
                      "Young")),
          "GB",
              List.of(
                  List.of(
                      "Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Emily",
                      "Charlie", "Sophie", "Thomas", "Grace", "Liam", "Niamh"),
                  List.of(
                      "Smith",
                      "Jones",
                      "Taylor",
                      "Brown",
                      "Evans",
                      "Wilson",
                      "Thompson",
                      "Wright",
                      "Walker",
                      "Hughes",
                      "Murphy",
                      "O'Brien",
                      "Kelly",
                      "Byrne")),
          "DE",
              List.of(
                  List.of(
                      "Lukas",
                      "Anna",
                      "Jonas",
                      "Lea",
                      "Felix",
                      "Hannah",
                      "Maximilian",
                      "Sophie",
                      "Paul",
                      "Marie",
                      "Jürgen",
                      "Katrin",
                      "Stefan",
                      "Sabine",
                      "Tobias",
                      "Jana"),
                  List.of(
                      "Müller",
                      "Schmidt",
                      "Schneider",
                      "Fischer",
                      "Weber",
                      "Meyer",
                      "Wagner",
                      "Becker",
                      "Schulz",
                      "Hoffmann",
                      "Koch",
                      "Richter",
                      "Wolf",
                      "Schröder",
                      "Neumann",
                      "Huber",
                      "Gruber",
                      "Keller")),
          "FR",
              List.of(
                  List.of(
                      "Louis", "Emma", "Hugo", "Chloé", "Lucas", "Léa", "Jules", "Manon", "Gabriel",
                      "Camille"),
                  List.of(
                      "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
                      "Durand", "Leroy", "Moreau")),
          "NL",
              List.of(
                  List.of("Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Bram", "Sanne"),
                  List.of(
                      "de Jong",
                      "Jansen",
                      "de Vries",
                      "van den Berg",
                      "Bakker",
                      "Visser",
                      "Peeters",
                      "Janssens")),
          "ES",
              List.of(
                  List.of("Hugo", "Lucía", "Martín", "Sofía", "Pablo", "María", "Javier", "Carmen"),
                  List.of(
                      "García",
                      "Fernández",
                      "González",
                      "Rodríguez",
                      "López",
                      "Martínez",
                      "Sánchez",
                      "Pérez")),
          "IT",
              List.of(
                  List.of(
                      "Leonardo",
                      "Giulia",
                      "Francesco",
                      "Sofia",
                      "Alessandro",
                      "Aurora",
                      "Lorenzo",
                      "Chiara"),
                  List.of(
                      "Rossi",
                      "Russo",
                      "Ferrari",
                      "Esposito",
                      "Bianchi",
                      "Romano",
                      "Colombo",
                      "Ricci")),
          "NORDIC",
              List.of(
                  List.of(
                      "Erik", "Astrid", "Lars", "Ingrid", "Mikko", "Aino", "Anders", "Freja",
                      "Johan", "Sofie"),
                  List.of(
                      "Andersson",
                      "Johansson",
                      "Nielsen",
                      "Hansen",
                      "Larsen",
                      "Virtanen",
                      "Korhonen",
                      "Lindqvist",
                      "Berg",
                      "Dahl")),
          "PL",
              List.of(
                  List.of("Jakub", "Zuzanna", "Antoni", "Julia", "Jan", "Maja", "Piotr", "Anna"),
                  List.of(
                      "Nowak",
                      "Kowalski",
                      "Wiśniewski",
                      "Wójcik",
                      "Kamiński",
                      "Lewandowski",
                      "Zieliński",
                      "Szymański")),
          "JP",
              List.of(
                  List.of("Haruto", "Yui", "Sota", "Hina", "Ren", "Sakura", "Kenji", "Aiko"),
                  List.of(
                      "Sato",
                      "Suzuki",
                      "Takahashi",
                      "Tanaka",
                      "Watanabe",
                      "Ito",
                      "Yamamoto",
                      "Nakamura")));

  private final int totalWeight = COUNTRIES.stream().mapToInt(Country::weight).sum();

  Country country(Random random) {
    int roll = random.nextInt(totalWeight);
    for (Country country : COUNTRIES) {
      roll -= country.weight();
      if (roll < 0) {
        return country;
      }
    }
    throw new IllegalStateException("weights add up");
  }

  static Country country(String code) {
    return COUNTRIES.stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo country " + code));
  }

  String companyBase(Random random) {
    return PREFIXES.get(random.nextInt(PREFIXES.size()))
        + CORES.get(random.nextInt(CORES.size())).toLowerCase(Locale.ROOT)
        + TRADES.get(random.nextInt(TRADES.size()));
  }

  String industry(Random random) {
    return INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
  }

  String title(Random random) {
    return TITLES.get(random.nextInt(TITLES.size()));
  }

  String leadSource(Random random) {
    return LEAD_SOURCES.get(random.nextInt(LEAD_SOURCES.size()));
  }

  /** {first, last} typical for the country (or region key). */
  String[] personName(Random random, String countryOrRegion) {
    String region =
        NAMES.containsKey(countryOrRegion)
            ? countryOrRegion
            : COUNTRIES.stream()
                .filter(c -> c.code().equals(countryOrRegion))
                .map(Country::names)
                .findFirst()
                .orElse("US");
    List<List<String>> names = NAMES.get(region);
    return new String[] {
      names.get(0).get(random.nextInt(names.get(0).size())),
      names.get(1).get(random.nextInt(names.get(1).size()))
    };
  }

  /** {@code first.last@domain}, letters folded to ASCII as mail systems do. */
  static String email(String[] name, String domain) {
    return (ascii(name[0]) + "." + ascii(name[1])).toLowerCase(Locale.ROOT) + "@" + domain;
  }

  /** The host of a Website value without {@code https://} or {@code www.}. */
  static String domainOf(String website) {
    return website.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
  }

  /** Letters folded to ASCII (ü to u, ß to ss), spaces and apostrophes dropped. */
  static String ascii(String text) {
    String folded =
        Normalizer.normalize(text.replace("ß", "ss").replace("ł", "l"), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return folded.replaceAll("[^A-Za-z0-9.\\-]", "");
  }

  static String slug(String base) {
    return ascii(base).toLowerCase(Locale.ROOT).replace(".", "");
  }
}

package dev.leadrouter.engine;

import static dev.leadrouter.engine.ExampleEngine.EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.AccountMatch;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.DuplicateMatch;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.OwnerType;
import dev.leadrouter.route.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No input leaves a lead without an owner or makes routing fail: 10,000 random leads (missing
 * fields, any Unicode including emoji, right-to-left and control characters, 10,000-character
 * values, unknown countries, garbage numbers) with random account and duplicate matches, at random
 * instants across holidays, weekends and clock changes, through the real decision path and the
 * shipped example rules. The seed is fixed and named in every message.
 */
class DecisionEngineRandomizedTest {

  private static final long SEED = 0xDEC1_5105L;
  private static final int LEADS = 10_000;

  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final int TWO_YEARS_IN_SECONDS = 2 * 366 * 24 * 3600;

  private static final List<String> FIELDS =
      List.of(
          "Country",
          "CountryCode",
          "State",
          "StateCode",
          "PostalCode",
          "Phone",
          "MobilePhone",
          "Email",
          "Website",
          "Company",
          "Title",
          "Industry",
          "NumberOfEmployees",
          "AnnualRevenue",
          "LeadSource",
          "Language__c",
          "Product_Interest__c",
          "Demo_Requested__c",
          "Marketing_Consent__c",
          "HasOptedOutOfEmail",
          "Deal_Registration__c",
          "Description",
          "Score",
          "AccountType",
          "Unknown_Field__c",
          "");

  private static final List<String> SEEDS =
      List.of(
          "DE",
          "Deutschland",
          "Atlantis",
          "USA",
          "United States",
          "Canada",
          "CA",
          "California",
          "NY",
          "BC",
          "France",
          "Japan",
          "UK",
          "Österreich",
          "Schweiz",
          "94107",
          "10115",
          "M5V 2T6",
          "Web",
          "Phone Inquiry",
          "Partner Referral",
          "Enterprise",
          "Technology",
          "Healthcare",
          "VP Sales",
          "Head of IT",
          "de",
          "fr",
          "en",
          "ja",
          "true",
          "false",
          "TRUE",
          "DR-2231",
          "ann@acme.com",
          "ann@gmail.com",
          "https://www.acme.co.uk",
          "+49 89 123456",
          "(415) 555-0132",
          "1000",
          "1000.0",
          "5.0E7",
          "-1",
          "1e309",
          "NaN",
          "Infinity",
          "-0",
          "1,000",
          "0x10",
          "١٠٠٠",
          "∞",
          "9".repeat(400),
          "null",
          "\u202Eevil\u202C",
          "مرحبا",
          "שלום",
          "😀",
          "🇩🇪",
          "\u0000",
          "\uD800",
          "\uDC00",
          " ",
          "\t\n");

  private static final List<SalesforceId> OWNERS =
      List.of(
          new SalesforceId("0055f00000LR001AAD"),
          new SalesforceId("0055f00000LR007AAD"),
          new SalesforceId("0055f00000LR011AAD"),
          new SalesforceId("0055f00000LR099AAD"));

  private static final List<String> ACCOUNT_TYPES =
      List.of("Partner", "Customer", "Prospect", "partner", "", "😀");

  @Test
  void everyLeadGetsAnOwnerAndNoRoutingError() {
    Random random = new Random(SEED);
    InMemoryRoutingState state = new InMemoryRoutingState();
    Map<ReasonCode, Integer> seen = new EnumMap<>(ReasonCode.class);
    for (int i = 0; i < LEADS; i++) {
      LeadInput input = randomInput(random, i);
      Instant at = FROM.plusSeconds(random.nextInt(TWO_YEARS_IN_SECONDS));
      String context = "seed " + SEED + ", lead #" + i + " at " + at;

      Decision decision;
      try {
        decision = ExampleEngine.at(at).decideAndRecord(EXAMPLE, input, state);
      } catch (RuntimeException e) {
        throw new AssertionError(
            "decision threw for " + context + ", fields " + describe(input.lead().fields()), e);
      }

      assertThat(decision).as(context).isNotNull();
      assertThat(decision.owner()).as(context).isNotNull();
      assertThat(decision.reasons())
          .as(context)
          .isNotEmpty()
          .doesNotContain(ReasonCode.ROUTING_ERROR);
      assertThat(decision.owner().id().keyPrefix())
          .as(context + ": owner " + decision.owner())
          .isEqualTo(decision.owner().type() == OwnerType.USER ? "005" : "00G");
      if (decision.owner().type() == OwnerType.QUEUE) {
        assertThat(EXAMPLE.queues()).as(context).containsKey(decision.owner().id());
      }
      if (decision.rule() == null) {
        assertThat(decision.reasons()).as(context).endsWith(ReasonCode.CATCH_ALL);
      }
      decision.reasons().forEach(r -> seen.merge(r, 1, Integer::sum));
    }
    // The inputs were varied enough to reach the interesting paths. (CONSENT needs a rare mix of
    // fields here; ConsentAndChannelTest and the golden records cover it deterministically.)
    assertThat(seen)
        .as("seed %d: reason codes seen %s", SEED, seen)
        .containsKeys(
            ReasonCode.COUNTRY_UNKNOWN,
            ReasonCode.VALUE_TRUNCATED,
            ReasonCode.ACCOUNT_OWNER,
            ReasonCode.DUPLICATE,
            ReasonCode.CHANNEL,
            ReasonCode.TERRITORY,
            ReasonCode.QUEUE,
            ReasonCode.TEAM_WEIGHTED,
            ReasonCode.TEAM_CAPACITY,
            ReasonCode.NO_AVAILABLE_MEMBER,
            ReasonCode.CATCH_ALL);
  }

  private static LeadInput randomInput(Random random, int index) {
    Map<String, String> fields = new LinkedHashMap<>();
    int count = random.nextInt(FIELDS.size());
    for (int f = 0; f < count; f++) {
      fields.put(FIELDS.get(random.nextInt(FIELDS.size())), randomValue(random));
    }
    if (random.nextInt(20) == 0) {
      fields.put(randomText(random, 1 + random.nextInt(30)), randomValue(random));
    }
    Lead lead = Lead.of(random.nextInt(10) == 0 ? null : "00Q5f" + index, fields);
    return new LeadInput(lead, randomAccount(random), randomDuplicate(random));
  }

  private static AccountMatch randomAccount(Random random) {
    if (random.nextInt(3) > 0) {
      return null;
    }
    double[] confidences = {0.0, 0.5, 0.79, 0.8, 0.97, 1.0, -1.0, 2.0};
    return new AccountMatch(
        new SalesforceId("0015f00000LR001AAD"),
        random.nextBoolean() ? null : randomValue(random),
        random.nextInt(5) == 0 ? null : OWNERS.get(random.nextInt(OWNERS.size())),
        random.nextInt(4) > 0,
        random.nextInt(5) == 0 ? null : ACCOUNT_TYPES.get(random.nextInt(ACCOUNT_TYPES.size())),
        confidences[random.nextInt(confidences.length)],
        random.nextBoolean() ? "email domain" : null);
  }

  private static DuplicateMatch randomDuplicate(Random random) {
    if (random.nextInt(4) > 0) {
      return null;
    }
    return new DuplicateMatch(
        random.nextBoolean() ? null : new SalesforceId("00Q5f00000LR003EAD"),
        random.nextInt(5) == 0 ? null : OWNERS.get(random.nextInt(OWNERS.size())),
        random.nextInt(4) > 0);
  }

  private static String randomValue(Random random) {
    return switch (random.nextInt(7)) {
      case 0, 1, 2 -> SEEDS.get(random.nextInt(SEEDS.size()));
      case 3 -> randomText(random, random.nextInt(40));
      case 4 -> random.nextInt(100) == 0 ? randomText(random, 10_000) : randomText(random, 300);
      case 5 -> SEEDS.get(random.nextInt(SEEDS.size())) + randomText(random, random.nextInt(4));
      default -> randomNumber(random);
    };
  }

  private static String randomNumber(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> Integer.toString(random.nextInt());
      case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(400) - 200));
      case 2 -> Long.toString(random.nextLong()) + "." + random.nextInt(1000);
      case 3 -> "1".repeat(1 + random.nextInt(60));
      default -> "-" + random.nextInt(5000) + "e" + (random.nextInt(700) - 350);
    };
  }

  /** Any UTF-16 code units: ASCII, controls, accents, right-to-left, emoji and lone halves. */
  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length + 2);
    while (text.length() < length) {
      switch (random.nextInt(8)) {
        case 0, 1 -> text.append((char) (0x20 + random.nextInt(0x5f)));
        case 2 -> text.append((char) random.nextInt(0x20));
        case 3 -> text.append((char) (0xc0 + random.nextInt(0x180)));
        case 4 -> text.append((char) (0x590 + random.nextInt(0x200)));
        case 5 -> text.appendCodePoint(0x1f300 + random.nextInt(0x300));
        case 6 -> text.append((char) (0xd800 + random.nextInt(0x800)));
        default -> text.append("\u200B\u202E\u2066\uFEFF\uFFFD".charAt(random.nextInt(5)));
      }
    }
    return text.toString();
  }

  private static List<String> describe(Map<String, String> fields) {
    List<String> shown = new ArrayList<>();
    fields.forEach((k, v) -> shown.add(k + "=" + (v.length() > 40 ? v.substring(0, 40) + "…" : v)));
    return shown;
  }
}

package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.leadrouter.lead.Lead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Feeds random leads to the standard normalizer and checks that it never throws and only ever
 * produces values of the documented shape. The seed is fixed so a failure can be replayed; it is
 * part of every assertion message.
 */
class StandardLeadNormalizerRandomizedTest {

  private static final long SEED = 0x1EAD_2026L;
  private static final int LEADS = 10_000;

  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  private static final List<String> FIELDS =
      List.of(
          "Country",
          "CountryCode",
          "State",
          "StateCode",
          "Phone",
          "MobilePhone",
          "Email",
          "Website",
          "Company");

  /** Plausible values and near misses, to be mixed with noise. */
  private static final List<String> SEEDS =
      List.of(
          "Germany",
          "Germny",
          "Deutschland",
          "Österreich",
          "U.S.A.",
          "USA",
          "UK",
          "n/a",
          "NA",
          "United Stats",
          "Frankreich",
          "Korea",
          "Côte d’Ivoire",
          "California",
          "Calif.",
          "QC",
          "New South Wales",
          "+49 89 123456",
          "0049 89 123456",
          "(415) 555-0123",
          "112",
          "+1",
          "ann@acme.com",
          "ann@gmail.com",
          "ann@",
          "@",
          "https://www.acme.co.uk/x",
          "localhost",
          "http://[::1]:80",
          "xn--mller-kva.de",
          "müller.de",
          "ACME, Inc.",
          "GmbH & Co. KG",
          "The Company",
          "S.p.A.",
          "-",
          ".",
          "..",
          "@@",
          "://",
          "%",
          "\u202Eevil\u202C",
          "مرحبا",
          "שלום",
          "😀",
          "🇩🇪",
          "\u0000",
          "\uD800",
          "\uDC00");

  private final StandardLeadNormalizer normalizer = Normalizers.standard();

  @Test
  void neverThrowsAndOnlyProducesWellFormedValues() {
    Random random = new Random(SEED);
    for (int i = 0; i < LEADS; i++) {
      Lead lead = randomLead(random);
      String context = "seed " + SEED + ", lead #" + i + ": " + abbreviated(lead.fields());
      NormalizedLead normalized;
      try {
        normalized = normalizer.normalize(lead);
      } catch (RuntimeException e) {
        throw new AssertionError("normalize threw for " + context, e);
      }
      check(normalized, context);
    }
  }

  private static void check(NormalizedLead lead, String context) {
    if (lead.countryCode() != null) {
      assertThat(ISO_COUNTRIES).as(context).contains(lead.countryCode());
    }
    if (lead.phoneE164() != null) {
      assertThat(lead.phoneE164()).as(context).matches(E164);
    }
    for (String domain : new String[] {lead.emailDomain(), lead.websiteDomain()}) {
      if (domain != null) {
        assertThat(domain).as(context).contains(".").isEqualTo(domain.toLowerCase(Locale.ROOT));
      }
    }
    if (lead.stateCode() != null) {
      assertThat(lead.countryCode()).as(context).isIn("US", "CA", "AU");
    }
    if (lead.companyKey() != null) {
      assertThat(lead.companyKey()).as(context).isNotBlank().doesNotContain("  ");
    }
    for (String field : FIELDS) {
      lead.get(field); // must not throw either
    }
    if (lead.issues().contains(NormalizationIssue.FREE_MAIL_DOMAIN) && lead.emailDomain() == null) {
      fail("free mail reported without an email domain: " + context);
    }
  }

  private static Lead randomLead(Random random) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : FIELDS) {
      if (random.nextInt(3) > 0) {
        fields.put(field, randomValue(random));
      }
    }
    return Lead.of("00Q000000000001", fields);
  }

  private static String randomValue(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> SEEDS.get(random.nextInt(SEEDS.size()));
      case 1 -> mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
      case 2 -> randomText(random, random.nextInt(40));
      case 3 -> randomText(random, random.nextInt(50) == 0 ? 10_000 : 900 + random.nextInt(400));
      case 4 -> SEEDS.get(random.nextInt(SEEDS.size())) + randomText(random, random.nextInt(5));
      default -> randomDigits(random);
    };
  }

  /** A near miss: one character dropped, doubled, swapped for noise or case-flipped. */
  private static String mutate(Random random, String seed) {
    if (seed.isEmpty()) {
      return seed;
    }
    StringBuilder text = new StringBuilder(seed);
    int at = random.nextInt(text.length());
    switch (random.nextInt(4)) {
      case 0 -> text.deleteCharAt(at);
      case 1 -> text.insert(at, text.charAt(at));
      case 2 -> text.setCharAt(at, (char) random.nextInt(0x3000));
      default -> text.setCharAt(at, Character.toUpperCase(text.charAt(at)));
    }
    return text.toString();
  }

  private static String randomDigits(Random random) {
    StringBuilder text = new StringBuilder(random.nextBoolean() ? "+" : "00");
    int length = random.nextInt(20);
    for (int i = 0; i < length; i++) {
      text.append(random.nextInt(10));
      if (random.nextInt(5) == 0) {
        text.append(" -()./x".charAt(random.nextInt(7)));
      }
    }
    return text.toString();
  }

  /**
   * Any UTF-16 code units, weighted towards ASCII, controls, accents, RTL, emoji and lone halves.
   */
  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      switch (random.nextInt(8)) {
        case 0 -> text.append((char) (0x20 + random.nextInt(0x5f)));
        case 1 -> text.append((char) random.nextInt(0x20));
        case 2 -> text.append((char) (0xc0 + random.nextInt(0x180)));
        case 3 -> text.append((char) (0x590 + random.nextInt(0x200)));
        case 4 -> text.appendCodePoint(0x1f300 + random.nextInt(0x300));
        case 5 -> text.append((char) (0xd800 + random.nextInt(0x800)));
        case 6 -> text.append(".@/:-&'".charAt(random.nextInt(7)));
        default -> text.append((char) random.nextInt(0x10000));
      }
    }
    return text.toString();
  }

  private static String abbreviated(Map<String, String> fields) {
    StringBuilder text = new StringBuilder("{");
    fields.forEach(
        (name, value) ->
            text.append(name)
                .append('=')
                .append(
                    value.length() > 60
                        ? value.substring(0, 60) + "…(" + value.length() + ")"
                        : value)
                .append(", "));
    return text.append('}').toString();
  }
}

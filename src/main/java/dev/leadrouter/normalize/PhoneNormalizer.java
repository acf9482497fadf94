package dev.leadrouter.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Formats a phone number as E.164 ("+4989123456") using libphonenumber.
 *
 * <p>National numbers are read in the lead's country; numbers written with "+" or the "00"
 * international prefix need no country. A number is accepted when libphonenumber finds it
 * <em>possible</em> (right length for its country) rather than <em>valid</em> (in an allocated
 * range): range data ages with the library version, and test numbers such as 555 ones are common in
 * CRM data and still route by country code.
 */
public final class PhoneNormalizer {

  /** Nobody's phone number is this long; the parser is not fed arbitrary text. */
  static final int MAX_INPUT_LENGTH = 64;

  /**
   * E.164 allows at most 15 digits. The floor of 7 rejects service and emergency codes ("112" is
   * "possible" in Germany) while keeping the shortest subscriber numbers (Niue: +683 plus four).
   */
  private static final int MIN_DIGITS = 7;

  private static final int MAX_DIGITS = 15;

  /** Room for an extension ("ext. 1234") written after the number, which E.164 drops. */
  private static final int EXTENSION_DIGITS = 10;

  /** libphonenumber's region for "unknown": only numbers with a country code parse. */
  private static final String UNKNOWN_REGION = "ZZ";

  private final PhoneNumberUtil phoneNumbers;

  @Inject
  public PhoneNormalizer(PhoneNumberUtil phoneNumbers) {
    this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
  }

  /**
   * The number in E.164 form, or empty when it is null, blank, too long, unparseable or not a
   * possible number.
   *
   * @param raw the number as written on the lead
   * @param iso2Country the lead's country (upper-case ISO alpha-2) used for national numbers, or
   *     null when unknown
   */
  public Optional<String> toE164(String raw, String iso2Country) {
    String stripped = raw == null ? "" : raw.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_INPUT_LENGTH) {
      return Optional.empty();
    }
    if (!hasEnoughDigits(stripped)) {
      return Optional.empty();
    }
    boolean international = stripped.startsWith("+") || stripped.startsWith("00");
    if (iso2Country == null && !international) {
      // Without a country only international numbers can parse; libphonenumber would throw,
      // and exceptions cost more than the rest of a decision.
      return Optional.empty();
    }
    String region = iso2Country == null ? UNKNOWN_REGION : iso2Country;
    Optional<String> formatted = parse(stripped, region);
    if (formatted.isEmpty() && stripped.startsWith("00")) {
      // "00" is the international prefix in most of the world, but libphonenumber only knows that
      // for the lead's own region; someone in the US writing a European number uses it too.
      formatted = parse("+" + stripped.substring(2), region);
    }
    return formatted;
  }

  /**
   * Whether the text can be a phone number at all, judged by its shape alone: enough digits, not
   * too many, and either international or with a country to read it in. Cheap, unlike {@link
   * #toE164}, which may still reject a plausible number that no numbering plan allows.
   */
  public boolean isPlausible(String raw, String iso2Country) {
    String stripped = raw == null ? "" : raw.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_INPUT_LENGTH || !hasEnoughDigits(stripped)) {
      return false;
    }
    int digits = dialables(stripped);
    boolean international = stripped.startsWith("+") || stripped.startsWith("00");
    int allowed = MAX_DIGITS + (stripped.startsWith("00") ? 2 : 0) + EXTENSION_DIGITS;
    return digits <= allowed && (international || iso2Country != null);
  }

  /**
   * Text with fewer digits than any real number ("n/a", "12") is rejected before parsing. Letters
   * count, as vanity numbers ("+1 800 FLOWERS") spell digits with them.
   */
  private static boolean hasEnoughDigits(String text) {
    return dialables(text) >= MIN_DIGITS;
  }

  private static int dialables(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        count++;
      }
    }
    return count;
  }

  private Optional<String> parse(String text, String region) {
    PhoneNumber number;
    try {
      number = phoneNumbers.parse(text, region);
    } catch (NumberParseException notANumber) {
      return Optional.empty();
    }
    if (!phoneNumbers.isPossibleNumber(number)) {
      return Optional.empty();
    }
    String e164 = phoneNumbers.format(number, PhoneNumberFormat.E164);
    int digits = e164.length() - 1;
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS ? Optional.of(e164) : Optional.empty();
  }
}

package dev.leadrouter.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Builds the standard normalizer for tests, without Guice. */
final class Normalizers {

  private Normalizers() {}

  static StandardLeadNormalizer standard() {
    return new StandardLeadNormalizer(
        new CountryNormalizer(),
        new StateNormalizer(),
        new PhoneNormalizer(PhoneNumberUtil.getInstance()),
        new DomainNormalizer(),
        new CompanyNameNormalizer());
  }
}

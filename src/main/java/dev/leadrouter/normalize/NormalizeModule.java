package dev.leadrouter.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * Binds {@link LeadNormalizer} to the standard implementation.
 *
 * <p>Everything is a singleton: the normalizers build their lookup tables (country names in seven
 * languages, states, free-mail domains) once, at construction, and are immutable afterwards.
 */
public final class NormalizeModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(LeadNormalizer.class).to(StandardLeadNormalizer.class).in(Singleton.class);
    bind(CountryNormalizer.class).in(Singleton.class);
    bind(StateNormalizer.class).in(Singleton.class);
    bind(PhoneNormalizer.class).in(Singleton.class);
    bind(DomainNormalizer.class).in(Singleton.class);
    bind(CompanyNameNormalizer.class).in(Singleton.class);
  }

  /** libphonenumber's own holder of its (immutable, lazily loaded) metadata. */
  @Provides
  @Singleton
  PhoneNumberUtil phoneNumberUtil() {
    return PhoneNumberUtil.getInstance();
  }
}

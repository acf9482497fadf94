package dev.leadrouter.match;

import com.google.inject.Guice;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.normalize.CompanyNameNormalizer;
import dev.leadrouter.normalize.CountryNormalizer;
import dev.leadrouter.normalize.DomainNormalizer;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.normalize.NormalizeModule;
import dev.leadrouter.normalize.NormalizedLead;
import dev.leadrouter.normalize.StateNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Accounts, leads and the real normalizers for match tests. */
final class MatchFixtures {

  static final SalesforceId ANN = user(1);
  static final SalesforceId BOB = user(2);
  static final SalesforceId CAROL = user(3);

  private static final LeadNormalizer NORMALIZER =
      Guice.createInjector(new NormalizeModule()).getInstance(LeadNormalizer.class);

  private MatchFixtures() {}

  static AccountKeys keys() {
    return new AccountKeys(
        new DomainNormalizer(),
        new CompanyNameNormalizer(),
        new CountryNormalizer(),
        new StateNormalizer());
  }

  static SalesforceId account(int n) {
    return new SalesforceId(String.format(Locale.ROOT, "001000000%06d", n));
  }

  static SalesforceId user(int n) {
    return new SalesforceId(String.format(Locale.ROOT, "005000000%06d", n));
  }

  /** An account with an active owner, no parent, type Prospect. */
  static Account account(int n, String name, String website, String country, SalesforceId owner) {
    return new Account(
        account(n),
        name,
        website,
        List.of(),
        List.of(),
        country,
        null,
        owner,
        true,
        null,
        "Prospect",
        100,
        "Technology");
  }

  static NormalizedLead lead(String... fieldsAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return NORMALIZER.normalize(new Lead("00Q000000000001", fields));
  }

  static AccountIndex index(Account... accounts) {
    AccountIndex index = new AccountIndex(keys(), 4);
    for (Account account : accounts) {
      index.upsert(account);
    }
    return index;
  }

  static IndexAccountMatcher matcher(AccountIndex index) {
    return matcher(index, MatchPolicy.defaults());
  }

  static IndexAccountMatcher matcher(AccountIndex index, MatchPolicy policy) {
    return new IndexAccountMatcher(index, keys(), new FuzzyNameScorer(), policy);
  }
}

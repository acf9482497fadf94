package dev.leadrouter.match;

import static dev.leadrouter.match.MatchFixtures.ANN;
import static dev.leadrouter.match.MatchFixtures.BOB;
import static dev.leadrouter.match.MatchFixtures.CAROL;
import static dev.leadrouter.match.MatchFixtures.account;
import static dev.leadrouter.match.MatchFixtures.index;
import static dev.leadrouter.match.MatchFixtures.lead;
import static dev.leadrouter.match.MatchFixtures.matcher;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountMatcherTest {

  @Nested
  class Methods {

    @Test
    void emailDomainMatchesTheAccountWithThatDomain() {
      AccountIndex index = index(account(1, "Acme Corp", "www.acme.com", "US", ANN));

      MatchResult result = matcher(index).match(lead("Email", "ann@mail.acme.com"));

      assertThat(result.method()).isEqualTo(MatchMethod.EMAIL_DOMAIN);
      assertThat(result.best().accountId()).isEqualTo(account(1));
      assertThat(result.best().ownerId()).isEqualTo(ANN);
      assertThat(result.best().confidence()).isEqualTo(0.95);
      assertThat(result.best().method()).isEqualTo("email domain");
    }

    @Test
    void emailDomainAndNameTogetherAreTheStrongestEvidence() {
      AccountIndex index = index(account(1, "Acme Corp", "acme.com", "US", ANN));

      MatchResult result =
          matcher(index).match(lead("Email", "ann@acme.com", "Company", "ACME, Inc."));

      assertThat(result.method()).isEqualTo(MatchMethod.DOMAIN_AND_NAME);
      assertThat(result.best().confidence()).isEqualTo(0.99);
    }

    @Test
    void freeMailAndDisposableDomainsNeverMatchEvenWhenAnAccountListsThem() {
      Account careless =
          new Account(
              account(1),
              "Careless Inc",
              "gmail.com",
              List.of("mailinator.com", "yahoo.com"),
              List.of(),
              "US",
              null,
              ANN,
              true,
              null,
              "Prospect",
              1,
              null);
      AccountIndex index = index(careless);

      assertThat(matcher(index).match(lead("Email", "joe@gmail.com")).matched()).isFalse();
      assertThat(matcher(index).match(lead("Email", "joe@mailinator.com")).matched()).isFalse();
      assertThat(matcher(index).match(lead("Website", "yahoo.com")).matched()).isFalse();
    }

    @Test
    void websiteDomainMatchesWhenTheEmailIsPersonal() {
      AccountIndex index = index(account(1, "Acme Corp", "acme.com", "US", ANN));

      MatchResult result =
          matcher(index).match(lead("Email", "joe@gmail.com", "Website", "https://acme.com/about"));

      assertThat(result.method()).isEqualTo(MatchMethod.WEBSITE_DOMAIN);
    }

    @Test
    void exactNameMatchesDespiteLegalFormPunctuationAndCase() {
      AccountIndex index = index(account(1, "Müller Maschinenbau GmbH & Co. KG", null, "DE", ANN));

      MatchResult result =
          matcher(index)
              .match(
                  lead(
                      "Email",
                      "x@gmail.com",
                      "Company",
                      "MUELLER maschinenbau",
                      "Country",
                      "Deutschland"));

      // "Mueller" and "Müller" fold differently; the fuzzy matcher still finds it
      assertThat(result.matched()).isTrue();
      assertThat(
              matcher(index)
                  .match(lead("Company", "Müller Maschinenbau GmbH", "Country", "Germany"))
                  .method())
          .isEqualTo(MatchMethod.EXACT_NAME);
    }

    @Test
    void exactNameInAnotherCountryIsOnlyALastResort() {
      AccountIndex index =
          index(
              account(1, "Nordwind AG", null, "DE", ANN),
              account(2, "Nordwind Inc", null, "US", BOB));

      MatchResult result = matcher(index).match(lead("Company", "Nordwind", "Country", "FR"));

      assertThat(result.method()).isEqualTo(MatchMethod.EXACT_NAME_OTHER_COUNTRY);
      assertThat(result.best().confidence()).isLessThan(MatchMethod.EXACT_NAME.confidence());
      assertThat(
              matcher(index).match(lead("Company", "Nordwind", "Country", "US")).best().ownerId())
          .isEqualTo(BOB);
    }

    @Test
    void abbreviationsAreSpelledOut() {
      AccountIndex index =
          index(account(1, "Acme International Manufacturing Ltd", null, "GB", ANN));

      MatchResult result = matcher(index).match(lead("Company", "ACME Intl. Mfg."));

      assertThat(result.method()).isEqualTo(MatchMethod.EXACT_NAME);
    }

    @Test
    void anAcronymMatchesOnlyWhereTheAccountListsIt() {
      Account ibm =
          new Account(
              account(1),
              "International Business Machines",
              "ibm.com",
              List.of(),
              List.of("IBM"),
              "US",
              null,
              ANN,
              true,
              null,
              "Customer",
              1,
              null);
      Account other = account(2, "International Bakery Masters", null, "US", BOB);
      AccountIndex index = index(ibm, other);

      MatchResult result = matcher(index).match(lead("Email", "x@gmail.com", "Company", "IBM"));
      assertThat(result.method()).isEqualTo(MatchMethod.ALIAS);
      assertThat(result.best().accountId()).isEqualTo(account(1));
      assertThat(matcher(index).match(lead("Company", "IBMA")).matched()).isFalse();
    }

    @Test
    void fuzzyNameForgivesATypo() {
      AccountIndex index = index(account(1, "Bergmann Logistics GmbH", null, "DE", ANN));

      MatchResult result = matcher(index).match(lead("Company", "Bergman Logistcs"));

      assertThat(result.method()).isEqualTo(MatchMethod.FUZZY_NAME);
      assertThat(result.best().confidence()).isBetween(0.7, 0.8);
    }

    @Test
    void fuzzyNameKeepsSimilarButDifferentCompaniesApart() {
      AccountIndex index = index(account(1, "Acme Systems", null, "US", ANN));

      assertThat(matcher(index).match(lead("Company", "Acme Solutions")).matched()).isFalse();
      assertThat(matcher(index).match(lead("Company", "Acme Systems Europe")).matched()).isFalse();
      assertThat(matcher(index).match(lead("Company", "Acne Systems")).matched()).isTrue();

      AccountIndex abc = index(account(2, "ABC Systems", null, "US", ANN));
      // words of three letters or fewer are names, not typos
      assertThat(matcher(abc).match(lead("Company", "ABD Systems")).matched()).isFalse();
    }

    @Test
    void fuzzyNameIsNoMatchWhenTwoCompaniesFitAboutAsWell() {
      AccountIndex index =
          index(
              account(1, "Brandt Logistik", null, "DE", ANN),
              account(2, "Brendt Logistik", null, "DE", BOB));

      assertThat(matcher(index).match(lead("Company", "Brundt Logistik")).matched()).isFalse();
    }

    @Test
    void fuzzyNameIsNoMatchWhenTheLeadMailsFromAnotherCompanysDomain() {
      AccountIndex index = index(account(1, "Lumvel", "lumvel.com", "US", ANN));

      assertThat(matcher(index).match(lead("Company", "Lumvell", "Email", "x@gmail.com")).matched())
          .isTrue();
      assertThat(
              matcher(index).match(lead("Company", "Lumvell", "Email", "x@lumvell.com")).matched())
          .isFalse();
    }

    @Test
    void aCountrySiteMatchesWhenTheNameAgrees() {
      AccountIndex index = index(account(1, "Bergmann Logistics Inc", "bergmann.com", "US", ANN));

      MatchResult result =
          matcher(index)
              .match(lead("Email", "hans@bergmann.de", "Company", "Bergman Logistik GmbH"));
      assertThat(result.method()).isEqualTo(MatchMethod.COUNTRY_DOMAIN);
      assertThat(result.best().accountId()).isEqualTo(account(1));

      assertThat(matcher(index).match(lead("Email", "hans@bergmann.de")).matched()).isFalse();
      assertThat(
              matcher(index)
                  .match(lead("Email", "hans@bergmann.de", "Company", "Bergmann Bank"))
                  .matched())
          .isFalse();
    }

    @Test
    void aSubsidiaryTheLeadNamesWinsOverTheDomainsParent() {
      Account parent = account(1, "Acme Corporation", "acme.com", "US", ANN);
      Account germany = withParent(account(2, "Acme Deutschland GmbH", "acme.com", "DE", BOB), 1);
      AccountIndex index = index(parent, germany);

      MatchResult result =
          matcher(index).match(lead("Email", "hans@acme.com", "Company", "Acme Deutschland"));

      assertThat(result.best().accountId()).isEqualTo(account(2));
      assertThat(result.runnerUp().accountId()).isEqualTo(account(1));
    }

    @Test
    void nothingAtAllMatchesNothing() {
      AccountIndex index = index(account(1, "Acme", "acme.com", "US", ANN));

      assertThat(matcher(index).match(lead("LastName", "Lee"))).isEqualTo(MatchResult.NONE);
      assertThat(matcher(index).match(lead("Company", "Initech", "Email", "x@initech.com")))
          .isEqualTo(MatchResult.NONE);
    }
  }

  @Nested
  class TieBreaks {

    /** Three accounts on one domain, each winning one tie-break. */
    private final Account inactiveOwnerCustomerUs =
        new Account(
            account(1),
            "Acme US",
            "acme.com",
            List.of(),
            List.of(),
            "US",
            null,
            ANN,
            false,
            null,
            "Customer - Direct",
            10,
            null);

    private final Account activeOwnerProspectDe =
        new Account(
            account(2),
            "Acme DE",
            "acme.com",
            List.of(),
            List.of(),
            "DE",
            null,
            BOB,
            true,
            null,
            "Prospect",
            20,
            null);

    private final Account activeOwnerCustomerFr =
        new Account(
            account(3),
            "Acme FR",
            "acme.com",
            List.of(),
            List.of(),
            "FR",
            null,
            CAROL,
            true,
            null,
            "Customer - Channel",
            5,
            null);

    private AccountIndex index() {
      return MatchFixtures.index(
          inactiveOwnerCustomerUs, activeOwnerProspectDe, activeOwnerCustomerFr);
    }

    @Test
    void sameCountryFirstByDefault() {
      MatchResult result =
          matcher(index()).match(lead("Email", "x@acme.com", "Country", "Germany"));

      assertThat(result.best().accountId()).isEqualTo(account(2));
      assertThat(result.runnerUp()).isNotNull();
    }

    @Test
    void activeOwnerThenCustomerWhenTheCountryDoesNotDecide() {
      MatchResult result = matcher(index()).match(lead("Email", "x@acme.com"));

      assertThat(result.best().accountId()).isEqualTo(account(3));
    }

    @Test
    void theConfiguredOrderDecides() {
      MatchPolicy customerFirst =
          MatchPolicy.defaults()
              .withTieBreaks(List.of(TieBreak.CUSTOMER_FIRST, TieBreak.LARGER_FIRST));
      MatchPolicy largerFirst =
          MatchPolicy.defaults().withTieBreaks(List.of(TieBreak.LARGER_FIRST));

      assertThat(
              matcher(index(), customerFirst)
                  .match(lead("Email", "x@acme.com", "Country", "DE"))
                  .best()
                  .accountId())
          .isEqualTo(account(1));
      assertThat(
              matcher(index(), largerFirst).match(lead("Email", "x@acme.com")).best().accountId())
          .isEqualTo(account(2));
    }

    @Test
    void withoutTieBreaksTheLowestIdWinsSoLoadOrderNeverMatters() {
      MatchPolicy none = MatchPolicy.defaults().withTieBreaks(List.of());
      AccountIndex reversed =
          MatchFixtures.index(
              activeOwnerCustomerFr, activeOwnerProspectDe, inactiveOwnerCustomerUs);

      assertThat(matcher(reversed, none).match(lead("Email", "x@acme.com")).best().accountId())
          .isEqualTo(account(1));
    }

    @Test
    void theUltimateParentsOwnerWhenTheHierarchyPolicySaysSo() {
      Account top = account(1, "Acme Holding", "acme-holding.com", "US", ANN);
      Account middle = withParent(account(2, "Acme Europe", "acme.eu", "DE", BOB), 1);
      Account leaf = withParent(account(3, "Acme Deutschland", "acme.de", "DE", CAROL), 2);
      AccountIndex index = MatchFixtures.index(top, middle, leaf);
      MatchPolicy parentOwner =
          MatchPolicy.defaults().withHierarchy(HierarchyPolicy.ULTIMATE_PARENT_OWNER);

      MatchResult own = matcher(index).match(lead("Email", "x@acme.de"));
      MatchResult group = matcher(index, parentOwner).match(lead("Email", "x@acme.de"));

      assertThat(own.best().ownerId()).isEqualTo(CAROL);
      assertThat(group.best().accountId()).isEqualTo(account(3));
      assertThat(group.best().ownerId()).isEqualTo(ANN);
      assertThat(group.best().method()).contains("ultimate parent");
    }
  }

  static Account withParent(Account a, int parent) {
    return new Account(
        a.id(),
        a.name(),
        a.website(),
        a.extraDomains(),
        a.aliases(),
        a.billingCountry(),
        a.billingState(),
        a.ownerId(),
        a.ownerActive(),
        account(parent),
        a.type(),
        a.employees(),
        a.industry());
  }
}

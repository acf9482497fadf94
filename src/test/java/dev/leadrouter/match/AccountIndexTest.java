package dev.leadrouter.match;

import static dev.leadrouter.match.MatchFixtures.ANN;
import static dev.leadrouter.match.MatchFixtures.BOB;
import static dev.leadrouter.match.MatchFixtures.account;
import static dev.leadrouter.match.MatchFixtures.index;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccountIndexTest {

  @Test
  void findsAnAccountByRegistrableDomainNameKeyAndId() {
    AccountIndex index =
        index(account(1, "ACME GmbH & Co. KG", "https://www.shop.acme.de/x", "Germany", ANN));

    IndexedAccount acme = index.withDomain("acme.de").get(0);
    assertThat(acme.id()).isEqualTo(account(1));
    assertThat(acme.country()).isEqualTo("DE");
    assertThat(acme.nameKey()).isEqualTo("acme");
    assertThat(index.withNameKey("acme"))
        .extracting(IndexedAccount::id)
        .containsExactly(account(1));
    assertThat(index.get(account(1))).contains(acme);
    assertThat(index.withDomain("acme.com")).isEmpty();
  }

  @Test
  void freeMailWebsitesAreNotIndexedByDomain() {
    AccountIndex index = index(account(1, "Joe's Plumbing", "gmail.com", "US", ANN));

    assertThat(index.withDomain("gmail.com")).isEmpty();
    assertThat(index.withNameKey("joes plumbing")).hasSize(1);
  }

  @Test
  void extraDomainsAndAliasesAreLookedUpToo() {
    Account ibm =
        new Account(
            account(1),
            "International Business Machines Corporation",
            "ibm.com",
            List.of("ibm.de", "redbooks.example.org"),
            List.of("IBM", "Big Blue"),
            "US",
            null,
            ANN,
            true,
            null,
            "Customer - Direct",
            280_000,
            "Technology");
    AccountIndex index = index(ibm);

    assertThat(index.withDomain("ibm.de")).hasSize(1);
    assertThat(index.withDomain("example.org")).hasSize(1);
    assertThat(index.withAlias("ibm")).hasSize(1);
    assertThat(index.withAlias("big blue")).hasSize(1);
    assertThat(index.withNameKey("international business machines")).hasSize(1);
  }

  @Test
  void anUpdateMovesTheAccountToItsNewKeys() {
    AccountIndex index = index(account(1, "Acme", "acme.com", "US", ANN));

    index.upsert(account(1, "Globex", "globex.com", "US", BOB));

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.withDomain("acme.com")).isEmpty();
    assertThat(index.withNameKey("acme")).isEmpty();
    assertThat(index.withDomain("globex.com").get(0).ownerId()).isEqualTo(BOB);
  }

  @Test
  void aDeletedAccountIsFoundNoMoreAndAnUndeleteBringsItBack() {
    AccountIndex index = index(account(1, "Acme", "acme.com", "US", ANN));

    assertThat(index.delete(account(1))).isTrue();
    assertThat(index.delete(account(1))).isFalse();
    assertThat(index.size()).isZero();
    assertThat(index.withDomain("acme.com")).isEmpty();
    assertThat(index.get(account(1))).isEmpty();
    assertThat(index.similarNames("acme", k -> 1, 0, 100, 10)).isEmpty();

    index.upsert(account(1, "Acme", "acme.com", "US", ANN));
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.withDomain("acme.com")).hasSize(1);
  }

  @Test
  void deactivatingAnOwnerShowsOnEveryAccountTheyOwn() {
    AccountIndex index =
        index(
            account(1, "Acme", "acme.com", "US", ANN),
            account(2, "Globex", "globex.com", "US", ANN));

    index.setOwnerActive(ANN, false);

    assertThat(index.withDomain("acme.com").get(0).ownerActive()).isFalse();
    assertThat(index.withDomain("globex.com").get(0).ownerActive()).isFalse();
    assertThat(index.ownerActive(ANN)).contains(false);
    assertThat(index.ownerActive(BOB)).isEmpty();
  }

  @Test
  void theUltimateParentIsTheTopOfTheHierarchyEvenAcrossACycle() {
    Account top = account(1, "Acme Holding", "acme.com", "US", ANN);
    Account middle = withParent(account(2, "Acme Europe", "acme.eu", "DE", BOB), 1);
    Account leaf = withParent(account(3, "Acme Deutschland", "acme.de", "DE", BOB), 2);
    AccountIndex index = index(leaf, middle, top); // children before parents, as a load may go

    assertThat(index.get(account(3)).orElseThrow().ultimateParentId()).isEqualTo(account(1));
    assertThat(index.get(account(1)).orElseThrow().ultimateParentId()).isNull();

    index.upsert(withParent(top, 3)); // a cycle: 1 -> 3 -> 2 -> 1
    assertThat(index.get(account(3)).orElseThrow().ultimateParentId()).isNotNull();
  }

  @Test
  void growsFarBeyondItsInitialSizeAndKeepsEveryAccountFindable() {
    AccountIndex index = new AccountIndex(MatchFixtures.keys(), 2);
    for (int i = 1; i <= 5_000; i++) {
      index.upsert(account(i, "Company " + i, "company" + i + ".com", "US", ANN));
    }
    for (int i = 1; i <= 5_000; i += 2) {
      index.delete(account(i));
    }

    assertThat(index.size()).isEqualTo(2_500);
    for (int i = 1; i <= 5_000; i++) {
      assertThat(index.withDomain("company" + i + ".com")).hasSize(i % 2 == 0 ? 1 : 0);
    }
  }

  @Test
  void readersSeeWholeAccountsWhileOneWriterUpdates() throws Exception {
    AccountIndex index = index(account(1, "Acme", "acme.com", "US", ANN));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(
            pool.submit(
                () -> {
                  start.await();
                  int seen = 0;
                  for (int i = 0; i < 20_000; i++) {
                    for (IndexedAccount a : index.withDomain("acme.com")) {
                      // owner and name are written together: never one without the other
                      assertThat(a.ownerId().equals(ANN) == a.name().equals("Acme")).isTrue();
                      seen++;
                    }
                  }
                  return seen;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                  index.upsert(
                      i % 2 == 0
                          ? account(1, "Acme Two", "acme.com", "US", BOB)
                          : account(1, "Acme", "acme.com", "US", ANN));
                  index.upsert(account(1000 + i, "Other " + i, "other" + i + ".com", "US", BOB));
                }
                return null;
              });
      start.countDown();
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Account withParent(Account a, int parent) {
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

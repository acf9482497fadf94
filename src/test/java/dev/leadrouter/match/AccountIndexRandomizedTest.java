package dev.leadrouter.match;

import static dev.leadrouter.match.MatchFixtures.account;
import static dev.leadrouter.match.MatchFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.SalesforceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random creates, updates, deletes and undeletes, with few distinct domains and names so keys
 * collide often; after every step the index must answer exactly as a plain map of live accounts
 * does. Seeded, so a failure repeats.
 */
class AccountIndexRandomizedTest {

  private static final int STEPS = 20_000;

  @Test
  void answersLikeAPlainMapAfterEveryChange() {
    for (long seed = 1; seed <= 3; seed++) {
      run(new Random(seed));
    }
  }

  private static void run(Random random) {
    AccountIndex index = new AccountIndex(MatchFixtures.keys(), 2);
    Map<SalesforceId, Account> live = new HashMap<>();
    for (int step = 0; step < STEPS; step++) {
      int n = 1 + random.nextInt(300);
      if (random.nextInt(4) == 0) {
        boolean held = live.remove(account(n)) != null;
        assertThat(index.delete(account(n))).isEqualTo(held);
      } else {
        Account a =
            account(
                n,
                "Company " + random.nextInt(40),
                random.nextInt(5) == 0 ? null : "site" + random.nextInt(60) + ".com",
                random.nextBoolean() ? "DE" : "US",
                user(1 + random.nextInt(5)));
        index.upsert(a);
        live.put(a.id(), a);
      }
      if (step % 500 == 0 || step == STEPS - 1) {
        check(index, live);
      }
    }
  }

  private static void check(AccountIndex index, Map<SalesforceId, Account> live) {
    assertThat(index.size()).isEqualTo(live.size());
    for (int d = 0; d < 60; d++) {
      String domain = "site" + d + ".com";
      assertThat(ids(index.withDomain(domain)))
          .isEqualTo(
              live.values().stream()
                  .filter(a -> a.website() != null && a.website().equals(domain))
                  .map(Account::id)
                  .collect(Collectors.toSet()));
    }
    for (int c = 0; c < 40; c++) {
      String name = "Company " + c;
      assertThat(ids(index.withNameKey("company " + c)))
          .isEqualTo(
              live.values().stream()
                  .filter(a -> a.name().equals(name))
                  .map(Account::id)
                  .collect(Collectors.toSet()));
    }
    for (int n = 1; n <= 300; n++) {
      Account expected = live.get(account(n));
      var actual = index.get(account(n));
      assertThat(actual.isPresent()).isEqualTo(expected != null);
      actual.ifPresent(a -> assertThat(a.ownerId()).isEqualTo(expected.ownerId()));
    }
  }

  private static Set<SalesforceId> ids(List<IndexedAccount> accounts) {
    assertThat(accounts).doesNotHaveDuplicates();
    return accounts.stream().map(IndexedAccount::id).collect(Collectors.toSet());
  }
}

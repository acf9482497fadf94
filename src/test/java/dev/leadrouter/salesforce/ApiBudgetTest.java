package dev.leadrouter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiBudgetTest {

  private final ApiBudget budget = new ApiBudget();

  @Test
  void readsTheDocumentedHeaders() {
    List<String> documented = Fixtures.lines("sforce-limit-info.txt");

    budget.record(documented.get(0));
    assertThat(budget.orgUsage()).contains(new ApiUsage(18, 5000, Optional.empty()));
    assertThat(budget.orgUsage().orElseThrow().remaining()).isEqualTo(4982);

    budget.record(documented.get(1));
    assertThat(budget.orgUsage()).contains(new ApiUsage(25, 5000, Optional.empty()));
    assertThat(budget.appUsage())
        .contains(new ApiUsage(17, 250, Optional.of("sample-connected-app")));

    budget.record(documented.get(2));
    assertThat(budget.orgUsage().orElseThrow().remaining()).isZero();
  }

  @Test
  void acceptsCommasAndSpaces() {
    budget.record(" api-usage=7/100 , per-app-api-usage=3/10(appName=lead-router) ");

    assertThat(budget.orgUsage()).contains(new ApiUsage(7, 100, Optional.empty()));
    assertThat(budget.appUsage()).contains(new ApiUsage(3, 10, Optional.of("lead-router")));
  }

  @Test
  void isEmptyUntilAHeaderArrives() {
    assertThat(budget.orgUsage()).isEmpty();
    assertThat(budget.appUsage()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ";;;",
        "api-usage",
        "api-usage=",
        "api-usage=x/5000",
        "api-usage=18/",
        "api-usage=-1/5000",
        "api-usage=99999999999999999999/5000",
        "api-usage=18/5000/3",
        "api-bursts=1/750",
        "\u0000garbage\uFFFF"
      })
  void ignoresJunkAndKeepsTheLastGoodValue(String junk) {
    budget.record("api-usage=18/5000");

    assertThatCode(() -> budget.record(junk)).doesNotThrowAnyException();
    assertThat(budget.orgUsage()).contains(new ApiUsage(18, 5000, Optional.empty()));
  }

  @Test
  void ignoresNull() {
    assertThatCode(() -> budget.record(null)).doesNotThrowAnyException();
    assertThat(budget.orgUsage()).isEmpty();
  }

  @Test
  void aJunkPartDoesNotSpoilTheRest() {
    budget.record("per-app-api-usage=oops; api-usage=40/5000");

    assertThat(budget.orgUsage()).contains(new ApiUsage(40, 5000, Optional.empty()));
    assertThat(budget.appUsage()).isEmpty();
  }

  @Test
  void concurrentUpdatesLeaveAValueSomeResponseCarried() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 8; i++) {
      int used = i;
      pool.execute(
          () -> {
            awaitQuietly(start);
            for (int n = 0; n < 1000; n++) {
              budget.record("api-usage=" + used + "/5000");
            }
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(budget.orgUsage().orElseThrow().used()).isBetween(0L, 7L);
    assertThat(budget.orgUsage().orElseThrow().limit()).isEqualTo(5000);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

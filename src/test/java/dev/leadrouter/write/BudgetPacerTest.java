package dev.leadrouter.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.salesforce.ApiBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetPacerTest {

  private final ApiBudget budget = new ApiBudget();
  private final List<Duration> pauses = new ArrayList<>();
  private final BudgetPacer pacer =
      new BudgetPacer(budget, 0.9, Duration.ofSeconds(1), pauses::add);

  @Test
  void callsGoAtOnceWhileTheBudgetLasts() throws Exception {
    pacer.beforeCall();
    budget.record("api-usage=8999/10000");
    pacer.beforeCall();

    assertThat(pauses).isEmpty();
  }

  @Test
  void callsArePacedOnceTheOrgOrTheAppBudgetIsNearlySpent() throws Exception {
    budget.record("api-usage=9000/10000");
    pacer.beforeCall();
    budget.record("api-usage=10/10000; per-app-api-usage=240/250(appName=lead-router)");
    pacer.beforeCall();

    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }
}

package dev.leadrouter.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void parsesEveryFaultOfTheDocumentedExample() {
    FaultPlan plan =
        FaultPlan.parse(
            "lock=0.02, 503-burst=5/60s,rate-limit=30s,session-expiry=5m,stall-poll=1%,"
                + "drop-poll=0.5,latency=20ms");

    assertThat(plan.lockRate()).isEqualTo(0.02);
    assertThat(plan.burstCalls()).isEqualTo(5);
    assertThat(plan.burstPeriod()).isEqualTo(Duration.ofSeconds(60));
    assertThat(plan.limitWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(plan.limitPeriod()).isEqualTo(Duration.ofMinutes(5));
    assertThat(plan.sessionLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(plan.stallRate()).isEqualTo(0.01);
    assertThat(plan.stallFor()).isEqualTo(Duration.ofSeconds(30));
    assertThat(plan.dropRate()).isEqualTo(0.5);
    assertThat(plan.latency()).isEqualTo(Duration.ofMillis(20));
    assertThat(FaultPlan.parse(plan.describe())).isEqualTo(plan);
  }

  @Test
  void noneAndEmptyMeanNoFaults() {
    assertThat(FaultPlan.parse("none")).isEqualTo(FaultPlan.NONE);
    assertThat(FaultPlan.parse(" ")).isEqualTo(FaultPlan.NONE);
    assertThat(FaultPlan.NONE.describe()).isEqualTo("none");
  }

  @Test
  void badListsAreRejectedNamingTheItemAndTheSyntax() {
    assertThatThrownBy(() -> FaultPlan.parse("lock=2"))
        .hasMessageContaining("invalid fault 'lock=2'")
        .hasMessageContaining("between 0 and 1")
        .hasMessageContaining("503-burst=N/PERIOD");
    assertThatThrownBy(() -> FaultPlan.parse("503-burst=5"))
        .hasMessageContaining("expected N/PERIOD");
    assertThatThrownBy(() -> FaultPlan.parse("latency=20"))
        .hasMessageContaining("'20' is not a duration");
    assertThatThrownBy(() -> FaultPlan.parse("quake=1"))
        .hasMessageContaining("unknown fault 'quake'");
    assertThatThrownBy(() -> FaultPlan.parse("lock=0.1,lock=0.2"))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> FaultPlan.parse("rate-limit=10m/5m"))
        .hasMessageContaining("longer than its period");
    assertThatThrownBy(() -> FaultPlan.parse("lock")).hasMessageContaining("name=value");
  }

  @Test
  void burstsAndLimitWindowsFollowTheClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
    Faults faults = new Faults(clock, 1).set("503-burst=2/1m,rate-limit=10s/1m");

    List<Faults.CallFault> first = List.of(faults.nextCall(), faults.nextCall(), faults.nextCall());
    clock.advance(Duration.ofSeconds(55));
    Faults.CallFault inWindow = faults.nextCall();
    clock.advance(Duration.ofSeconds(10));
    Faults.CallFault nextPeriod = faults.nextCall();

    assertThat(first)
        .containsExactly(
            Faults.CallFault.UNAVAILABLE, Faults.CallFault.UNAVAILABLE, Faults.CallFault.NONE);
    assertThat(inWindow).isEqualTo(Faults.CallFault.LIMIT_EXCEEDED);
    assertThat(nextPeriod).isEqualTo(Faults.CallFault.UNAVAILABLE);
    assertThat(faults.injected())
        .containsEntry(Faults.Kind.UNAVAILABLE, 3L)
        .containsEntry(Faults.Kind.LIMIT_EXCEEDED, 1L);
  }

  @Test
  void randomFaultsRepeatForTheSameSeed() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
    List<Boolean> first = locks(new Faults(clock, 7).set("lock=0.3"));
    List<Boolean> again = locks(new Faults(clock, 7).set("lock=0.3"));

    assertThat(first).isEqualTo(again).contains(true, false);
    assertThat(locks(new Faults(clock, 8).set("lock=0.3"))).isNotEqualTo(first);
  }

  @Test
  void sessionsExpireAfterTheirLifetime() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
    Faults faults = new Faults(clock, 1);
    Instant issued = clock.instant();
    assertThat(faults.expired(issued)).isFalse();

    faults.set("session-expiry=5m");
    clock.advance(Duration.ofMinutes(4));
    assertThat(faults.expired(issued)).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(faults.expired(issued)).isTrue();
  }

  private static List<Boolean> locks(Faults faults) {
    List<Boolean> locks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      locks.add(faults.lockRow());
    }
    return locks;
  }
}

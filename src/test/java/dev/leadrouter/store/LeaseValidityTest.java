package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lease's own clock, on a ticker the test moves. */
class LeaseValidityTest {

  private final AtomicLong ticker = new AtomicLong(1_000);
  private final LeaseValidity validity = new LeaseValidity(Duration.ofSeconds(8), ticker::get);

  @Test
  void holdsNothingBeforeTheFirstConfirmedRenewal() {
    assertThat(validity.holds()).isFalse();
  }

  @Test
  void holdsForTheTtlLessAQuarterFromWhenTheConfirmedRenewalWasSent() {
    long sentAt = validity.now();
    ticker.addAndGet(Duration.ofMillis(300).toNanos()); // the round trip
    validity.renewed(sentAt);

    ticker.addAndGet(Duration.ofMillis(5_699).toNanos());
    assertThat(validity.holds()).as("5.999 s after sending").isTrue();
    ticker.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(validity.holds()).as("6 s after sending: 8 s less the 2 s margin").isFalse();
    assertThat(validity.sinceRenewal()).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void aLaterConfirmedRenewalExtendsIt() {
    validity.renewed(validity.now());
    ticker.addAndGet(Duration.ofSeconds(5).toNanos());
    validity.renewed(validity.now());
    ticker.addAndGet(Duration.ofSeconds(5).toNanos());

    assertThat(validity.holds()).isTrue();
  }
}

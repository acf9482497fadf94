package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurableUrlTest {

  @Test
  void anH2FileCommitsAtOnceSoASigkillLosesNoDecision() {
    // Found by `bench chaos`: with H2's default half-second write delay, a killed worker lost
    // decisions the org already had, decided those leads again and gave them a second Task.
    assertThat(Database.durable("jdbc:h2:file:/tmp/x/lead-router;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:file:/tmp/x/lead-router;MODE=PostgreSQL;WRITE_DELAY=0");
    assertThat(Database.durable("jdbc:h2:./data/lead-router"))
        .isEqualTo("jdbc:h2:./data/lead-router;WRITE_DELAY=0");
  }

  @Test
  void leavesOtherDatabasesAndAnExplicitWriteDelayAlone() {
    assertThat(Database.durable("jdbc:postgresql://db:5432/leadrouter"))
        .isEqualTo("jdbc:postgresql://db:5432/leadrouter");
    assertThat(Database.durable("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
        .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
    assertThat(Database.durable("jdbc:h2:file:./d;write_delay=100"))
        .isEqualTo("jdbc:h2:file:./d;write_delay=100");
  }
}

package dev.leadrouter.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Queue;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** config/demo/rules.yaml names the demo org's users and queues exactly as the seed has them. */
class DemoRulesTest {

  private static final Org ORG =
      DemoOrgGenerator.org(new MutableClock(Instant.parse("2026-03-08T09:30:00Z")));
  private static final RuleSet RULES =
      new YamlRuleSetLoader().load(Path.of("config/demo/rules.yaml"));

  @Test
  void everyRepIsASeedUserWithTheSameNameActivityAndTimeZone() {
    assertThat(RULES.reps()).hasSizeGreaterThan(40);
    for (Rep rep : RULES.reps().values()) {
      Map<String, Object> user = ORG.data().find(SObjectType.USER, rep.id().value()).orElseThrow();
      assertThat(rep.name()).isEqualTo(user.get("Name"));
      assertThat(rep.active()).isEqualTo(user.get("IsActive"));
      assertThat(rep.timeZone().getId()).isEqualTo(user.get("TimeZoneSidKey"));
    }
  }

  @Test
  void everyQueueIsASeedQueue() {
    assertThat(RULES.queues()).hasSize(DemoOrgGenerator.QUEUES.size());
    for (Queue queue : RULES.queues().values()) {
      Map<String, Object> group =
          ORG.data().find(SObjectType.GROUP, queue.id().value()).orElseThrow();
      assertThat(group).containsEntry("DeveloperName", queue.name()).containsEntry("Type", "Queue");
    }
  }

  @Test
  void everyOwnerOfAnAccountContactOrLeadIsKnownToTheRules() {
    Set<SalesforceId> reps = RULES.reps().keySet();
    Set<SalesforceId> owners =
        java.util.stream.Stream.of(SObjectType.ACCOUNT, SObjectType.CONTACT)
            .flatMap(type -> ORG.data().all(type).stream())
            .map(record -> new SalesforceId((String) record.get("OwnerId")))
            .collect(Collectors.toSet());

    assertThat(reps).containsAll(owners);
  }
}

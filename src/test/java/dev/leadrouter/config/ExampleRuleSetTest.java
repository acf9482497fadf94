package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.config.RuleSetDocument.ActionDoc;
import dev.leadrouter.config.RuleSetDocument.CriterionDoc;
import dev.leadrouter.config.RuleSetDocument.QueueDoc;
import dev.leadrouter.config.RuleSetDocument.RuleDoc;
import dev.leadrouter.config.RuleSetDocument.Settings;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleAction;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.route.Strategy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped example loads as documented, and the assembler holds org records to the same checks.
 */
class ExampleRuleSetTest {

  private static final Path EXAMPLE = Path.of("config/rules.example.yaml");

  @Test
  void theShippedExampleLoadsWithoutProblems() {
    RuleSet ruleSet = new YamlRuleSetLoader().load(EXAMPLE);

    assertThat(ruleSet.version()).isEqualTo("example-2026-11");
    assertThat(ruleSet.rules())
        .extracting(RoutingRule::name)
        .containsExactly(
            "Partner_Channel",
            "Existing_Lead_Owner",
            "Existing_Account_Owner",
            "Enterprise_Team",
            "DACH_Queue",
            "North_America_Territories",
            "Commercial_Team");
    assertThat(ruleSet.rules().get(0).channel()).isTrue();
    assertThat(ruleSet.rules().get(2).action()).isEqualTo(new RuleAction.AccountOwner(0.8));
    assertThat(ruleSet.rules().get(3).slaMinutes()).isEqualTo(15);
    assertThat(ruleSet.rules().get(4).when().logic()).isEqualTo("1 AND (2 OR 3)");
    assertThat(ruleSet.rules().get(6).requiresConsent()).isTrue();
    assertThat(ruleSet.teams()).hasSize(5);
    assertThat(ruleSet.teams().get("Enterprise").strategy()).isEqualTo(Strategy.WEIGHTED);
    assertThat(ruleSet.teams().get("Enterprise").fallbackTeam()).isEqualTo("Commercial");
    assertThat(ruleSet.teams().get("Commercial").matchSkills()).isTrue();
    assertThat(ruleSet.teams().get("Channel").honourWorkingHours()).isFalse();
    assertThat(ruleSet.territories()).hasSize(2);
    assertThat(ruleSet.reps()).hasSize(14);
    assertThat(ruleSet.reps().get(new SalesforceId("0055f00000LR011AAD")).active()).isFalse();
    assertThat(ruleSet.queues()).hasSize(5);
    assertThat(ruleSet.scoring().rules()).hasSize(6);
    assertThat(ruleSet.scoring().tiers()).hasSize(3);
    assertThat(ruleSet.policy().holidays()).contains(LocalDate.of(2026, 12, 24));
    assertThat(ruleSet.policy().consent().optInCountries())
        .containsExactlyInAnyOrder("DE", "AT", "FR", "IT", "NL");
    assertThat(ruleSet.policy().channel().partnerAccountTypes()).containsExactly("partner");
    assertThat(ruleSet.policy().languageField()).isEqualTo("language__c");
  }

  @Test
  void recordsFromTheOrgAreCheckedLikeYaml() {
    RuleSetDocument doc =
        new RuleSetDocument(
            null,
            new Settings("Catch_All", null, null, null, null, List.of("2026-12-24", "24.12.2026")),
            List.of(new QueueDoc("00G5f00000Tst01", "Catch_All")),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(
                new RuleDoc(
                    "Typo",
                    10,
                    true,
                    List.of(new CriterionDoc(1, "Countyr", "equals", List.of("DE"))),
                    null,
                    new ActionDoc("queue", null, null, "Catch_All", null),
                    null,
                    null,
                    null,
                    null)));

    assertThatThrownBy(() -> new RuleSetAssembler().assemble(doc, "the org", "v1"))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("rule set the org is invalid (2 problems)");
              assertThat(e.problems())
                  .extracting(RuleSetProblem::toString)
                  .containsExactlyInAnyOrder(
                      "settings, field holidays: '24.12.2026' is not a date as YYYY-MM-DD",
                      "rule Typo, field criteria[1].field: 'Countyr' is not a Lead field"
                          + " (standard, custom __c, or derived)");
            });
  }

  @Test
  void aVersionIsGivenWhenTheDocumentHasNone() {
    RuleSetDocument doc =
        new RuleSetDocument(
            " ",
            new Settings("00G5f00000Tst01", null, null, null, null, null),
            null,
            null,
            null,
            null,
            null,
            List.of(
                new RuleDoc(
                    "Everyone",
                    null,
                    null,
                    null,
                    null,
                    new ActionDoc("queue", null, null, "00G5f00000Tst01", null),
                    null,
                    null,
                    null,
                    null)));

    RuleSet ruleSet = new RuleSetAssembler().assemble(doc, "the org", "org@2026-11-04");

    assertThat(ruleSet.version()).isEqualTo("org@2026-11-04");
    assertThat(ruleSet.rules()).singleElement().extracting(RoutingRule::order).isEqualTo(10);
  }
}

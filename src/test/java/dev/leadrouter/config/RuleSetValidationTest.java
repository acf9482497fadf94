package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.OwnerType;
import dev.leadrouter.route.RoutingRequest;
import dev.leadrouter.route.RuleHierarchyRouter;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.route.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule set is rejected with every problem named by record and field, so an admin can fix them all
 * in one go; the last good rule set stays in force meanwhile.
 */
class RuleSetValidationTest {

  /** A small, valid rule set; tests break one thing at a time by replacing text. */
  static final String VALID =
      """
      version: test-1
      settings:
        catchAllQueue: Catch_All
        generalQueue: General
      queues:
        - { id: 00G5f00000Tst01, name: Catch_All }
        - { id: 00G5f00000Tst02, name: General }
        - { id: 00G5f00000Tst03, name: Overflow }
      users:
        - { id: 0055f00000Tst01, name: Ann, timeZone: Europe/Berlin, workingHours: "Mon-Fri 09:00-17:00" }
        - { id: 0055f00000Tst02, name: Ben, timeZone: America/New_York }
        - { id: 0055f00000Tst03, name: Old Timer, active: false }
      teams:
        - name: Sales
          strategy: round_robin
          fallbackQueue: Overflow
          members:
            - { user: Ann }
            - { user: Ben }
      territories:
        - { name: West, countries: [US], states: [CA, WA], postalCodes: ["94-95"], team: Sales }
      rules:
        - name: Sales_Rule
          order: 10
          criteria:
            - { number: 1, field: Country, operator: equals, value: DE }
          action: { type: team, team: Sales }
        - name: By_Territory
          order: 20
          action: { type: territory }
      """;

  @TempDir Path dir;

  private RuleSet load(String yaml) throws IOException {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, yaml);
    return new YamlRuleSetLoader().load(file);
  }

  private List<RuleSetProblem> problems(String yaml) {
    Throwable thrown = catchThrowable(() -> load(yaml));
    assertThat(thrown)
        .as("rule set should be rejected")
        .isInstanceOf(InvalidRuleSetException.class);
    return ((InvalidRuleSetException) thrown).problems();
  }

  private static String replace(String yaml, String from, String to) {
    assertThat(yaml).as("test set-up: text to replace").contains(from);
    return yaml.replace(from, to);
  }

  private void assertProblem(String yaml, String record, String field, String message) {
    assertThat(problems(yaml))
        .anySatisfy(
            p -> {
              assertThat(p.record()).isEqualTo(record);
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.message()).contains(message);
            });
  }

  @Test
  void theValidRuleSetLoads() throws IOException {
    RuleSet ruleSet = load(VALID);

    assertThat(ruleSet.version()).isEqualTo("test-1");
    assertThat(ruleSet.rules()).hasSize(2);
    assertThat(ruleSet.teams()).containsOnlyKeys("Sales");
    assertThat(ruleSet.reps()).hasSize(3);
    assertThat(ruleSet.policy().generalQueue()).isNotNull();
  }

  @Test
  void unknownLeadField() {
    assertProblem(
        replace(VALID, "field: Country,", "field: Countyr,"),
        "rule Sales_Rule",
        "criteria[1].field",
        "'Countyr' is not a Lead field");
  }

  @Test
  void badOperator() {
    assertProblem(
        replace(VALID, "operator: equals", "operator: equalz"),
        "rule Sales_Rule",
        "criteria[1].operator",
        "'equalz' is not an operator");
  }

  @Test
  void missingValue() {
    assertProblem(
        replace(VALID, ", value: DE }", " }"),
        "rule Sales_Rule",
        "criteria[1].value",
        "needs a value");
  }

  @Test
  void logicNamingAMissingCriterion() {
    assertProblem(
        replace(
            VALID, "    action: { type: team", "    logic: \"1 AND 2\"\n    action: { type: team"),
        "rule Sales_Rule",
        "logic",
        "criterion 2");
  }

  @Test
  void unparseableLogic() {
    assertProblem(
        replace(
            VALID, "    action: { type: team", "    logic: \"(1 AND\"\n    action: { type: team"),
        "rule Sales_Rule",
        "logic",
        "ends too early");
  }

  @Test
  void teamWithoutActiveMembers() {
    String yaml =
        replace(
            replace(VALID, "- { user: Ann }", "- { user: Ann, active: false }"),
            "- { user: Ben }",
            "- { user: Old Timer }");
    assertProblem(yaml, "team Sales", "members", "no active members");
  }

  @Test
  void fallbackTeamsGoingRoundInACircle() {
    String teams =
        """
        teams:
          - name: A
            strategy: round_robin
            fallbackTeam: B
            members: [ { user: Ann } ]
          - name: B
            strategy: round_robin
            fallbackTeam: C
            members: [ { user: Ben } ]
          - name: C
            strategy: weighted
            fallbackTeam: A
            members: [ { user: Ann } ]
          - name: Sales
        """;
    String yaml = replace(VALID, "teams:\n  - name: Sales\n", teams);

    List<RuleSetProblem> problems = problems(yaml);

    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.record()).isEqualTo("team A");
              assertThat(p.field()).isEqualTo("fallbackTeam");
              assertThat(p.message()).contains("A -> B -> C -> A");
            });
    assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("B -> C -> A -> B"));
  }

  @Test
  void aTeamFallingBackToItself() {
    assertProblem(
        replace(VALID, "    fallbackQueue: Overflow", "    fallbackTeam: Sales"),
        "team Sales",
        "fallbackTeam",
        "Sales -> Sales");
  }

  @Test
  void unknownFallbackTeam() {
    assertProblem(
        replace(VALID, "    fallbackQueue: Overflow", "    fallbackTeam: Salez"),
        "team Sales",
        "fallbackTeam",
        "'Salez' is not a team");
  }

  @Test
  void queueIdWhereAUserIdBelongs() {
    assertProblem(
        replace(VALID, "- { user: Ann }", "- { user: 00G5f00000Tst02 }"),
        "team Sales",
        "members[1].user",
        "is not a user id (user ids start with 005)");
  }

  @Test
  void userIdWhereAQueueIdBelongs() {
    assertProblem(
        replace(VALID, "catchAllQueue: Catch_All", "catchAllQueue: 0055f00000Tst01"),
        "settings",
        "catchAllQueue",
        "is not a queue id (queue ids start with 00G)");
    assertProblem(
        replace(VALID, "fallbackQueue: Overflow", "fallbackQueue: 0055f00000Tst02"),
        "team Sales",
        "fallbackQueue",
        "is not a queue id");
  }

  @Test
  void queueIdListedAsAUserAndUserIdListedAsAQueue() {
    assertProblem(
        replace(VALID, "id: 0055f00000Tst02, name: Ben", "id: 00G5f00000Tst09, name: Ben"),
        "user Ben",
        "id",
        "is not a user id");
    assertProblem(
        replace(
            VALID, "id: 00G5f00000Tst03, name: Overflow", "id: 0055f00000Tst09, name: Overflow"),
        "queue Overflow",
        "id",
        "is not a queue id");
  }

  @Test
  void malformedIds() {
    assertProblem(
        replace(VALID, "id: 0055f00000Tst02, name: Ben", "id: 005XYZ, name: Ben"),
        "user Ben",
        "id",
        "'005XYZ' is not a Salesforce id");
    // Right shape, wrong checksum: the correct suffix for 0055f00000Tst02 is "AAB".
    assertProblem(
        replace(VALID, "id: 0055f00000Tst02, name: Ben", "id: 0055f00000Tst02AAA, name: Ben"),
        "user Ben",
        "id",
        "is not a Salesforce id");
  }

  @Test
  void referenceThatIsNeitherAnIdNorAListedName() {
    assertProblem(
        replace(VALID, "- { user: Ben }", "- { user: Benn }"),
        "team Sales",
        "members[2].user",
        "'Benn' is neither a user id nor a listed user name");
  }

  @Test
  void inactiveUserAsARulesDirectUser() {
    assertProblem(
        replace(VALID, "action: { type: territory }", "action: { type: user, user: Old Timer }"),
        "rule By_Territory",
        "action.user",
        "inactive");
  }

  @Test
  void unknownTeamInAnAction() {
    assertProblem(
        replace(VALID, "team: Sales }\n  - name: By", "team: Salez }\n  - name: By"),
        "rule Sales_Rule",
        "action.team",
        "'Salez' is not a team");
  }

  @Test
  void unknownTerritoryCountryCode() {
    assertProblem(
        replace(VALID, "countries: [US]", "countries: [US, UK]"),
        "territory West",
        "countries",
        "'UK' is not an ISO 3166 two-letter country code");
  }

  @Test
  void missingCatchAllQueue() {
    assertProblem(
        replace(VALID, "  catchAllQueue: Catch_All\n", ""),
        "settings",
        "catchAllQueue",
        "catch-all queue is required");
  }

  @Test
  void unknownYamlKeyIsReportedWithItsPathAndAPosition() {
    String yaml = replace(VALID, "    order: 10\n", "    prority: 10\n");

    assertThat(problems(yaml))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.record()).matches("rule set at line \\d+, column \\d+");
              assertThat(p.field()).isEqualTo("rules[1].prority");
              assertThat(p.message()).isEqualTo("unknown setting 'prority'");
            });
  }

  @Test
  void unknownNestedAndTopLevelKeysAreReportedWithTheirPaths() {
    String nested =
        replace(VALID, "action: { type: territory }", "action: { type: territory, tem: Sales }");
    assertThat(problems(nested))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("rules[2].action.tem");
              assertThat(p.message()).isEqualTo("unknown setting 'tem'");
            });
    assertThat(problems("verison: 2\n" + VALID))
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("verison"));
  }

  @Test
  void unknownYamlKeyIsReportedAtTheKeysLineAndColumn() {
    String yaml = replace(VALID, "    order: 10\n", "    prority: 10\n");
    int line = yaml.lines().toList().indexOf("    prority: 10") + 1;
    assertThat(line).as("test set-up: line of the unknown key").isGreaterThan(20);

    assertThat(problems(yaml))
        .singleElement()
        .satisfies(
            p -> assertThat(p.record()).isEqualTo("rule set at line " + line + ", column 5"));
    assertThat(problems("version: x\nverison: 2\n" + VALID.substring(VALID.indexOf('\n') + 1)))
        .singleElement()
        .satisfies(p -> assertThat(p.record()).isEqualTo("rule set at line 2, column 1"));
  }

  @Test
  void severalProblemsAreReportedTogether() {
    String yaml = VALID;
    yaml = replace(yaml, "  catchAllQueue: Catch_All\n", "");
    yaml = replace(yaml, "field: Country,", "field: Countyr,");
    yaml = replace(yaml, "countries: [US]", "countries: [UK]");
    yaml = replace(yaml, "- { user: Ann }", "- { user: 00G5f00000Tst02 }");
    yaml = replace(yaml, "action: { type: territory }", "action: { type: team, team: Salez }");

    String broken = yaml;
    InvalidRuleSetException rejected = (InvalidRuleSetException) catchThrowable(() -> load(broken));

    assertThat(rejected.problems())
        .extracting(p -> p.record() + " / " + p.field())
        .contains(
            "settings / catchAllQueue",
            "rule Sales_Rule / criteria[1].field",
            "territory West / countries",
            "team Sales / members[1].user",
            "rule By_Territory / action.team");
    assertThat(rejected.getMessage())
        .contains(rejected.problems().size() + " problems")
        .contains("Countyr")
        .contains("Salez")
        .contains("rules.yaml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# rules to come\n", "---\n", "~\n"})
  void anEmptyFileIsRejected(String content) {
    assertThat(problems(content))
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("(file)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# rules to come\n"})
  void anEmptyFileIsReportedAsEmpty(String content) {
    assertProblem(content, "rule set", "(file)", "the file is empty");
  }

  @Test
  void aRuleSetWithoutRulesIsRejected() {
    String yaml = VALID.substring(0, VALID.indexOf("rules:")) + "rules: []\n";
    assertProblem(yaml, "rule set", "rules", "no rules");
  }

  @Test
  void invalidRuleSetExceptionNamesEveryProblem() {
    assertThatThrownBy(
            () ->
                load(
                    replace(
                        replace(VALID, "operator: equals", "operator: =>"),
                        "countries: [US]",
                        "countries: [US, XX]")))
        .isInstanceOf(InvalidRuleSetException.class)
        .hasMessageContaining("(2 problems)")
        .hasMessageContaining(
            "rule Sales_Rule, field criteria[1].operator: '=>' is not an operator")
        .hasMessageContaining("territory West, field countries: 'XX'");
  }

  @Test
  void aTeamWithoutAStrategyDefaultsToRoundRobin() throws IOException {
    RuleSet ruleSet = load(replace(VALID, "    strategy: round_robin\n", ""));

    assertThat(ruleSet.teams().get("Sales").strategy()).isEqualTo(Strategy.ROUND_ROBIN);
  }

  /**
   * Routes one German lead (Sales_Rule's criterion) with the given rule set on a Thursday morning,
   * when Ann (Berlin, Mon-Fri 09:00-17:00) and Ben (no hours) both work.
   */
  private static Decision routeGermanLead(RuleSet ruleSet) {
    Clock clock = Clock.fixed(Instant.parse("2026-03-05T10:00:00Z"), ZoneOffset.UTC);
    Lead lead = Lead.of("00Q5f00000Tst01", Map.of("Country", "DE"));
    RoutingRequest request =
        new RoutingRequest(lead.id(), lead, null, null, null, List.of(), Map.of());
    return new RuleHierarchyRouter(clock).decide(ruleSet, request, new InMemoryRoutingState());
  }

  @Test
  void theValidRuleSetRoutesToItsTeam() throws IOException {
    Decision decision = routeGermanLead(load(VALID));

    assertThat(decision.owner().name()).isEqualTo("Ann");
    assertThat(decision.rule()).isEqualTo("Sales_Rule");
  }

  @Test
  void aTeamOfUnlistedUsersIsEitherRejectedOrRoutedTo() throws IOException {
    String yaml =
        replace(
            replace(VALID, "- { user: Ann }", "- { user: 0055f00000Tst07 }"),
            "- { user: Ben }",
            "- { user: 0055f00000Tst08 }");

    RuleSet ruleSet;
    try {
      ruleSet = load(yaml);
    } catch (InvalidRuleSetException rejected) {
      assertThat(rejected.problems())
          .anySatisfy(p -> assertThat(p.record()).isEqualTo("team Sales"));
      return;
    }
    Decision decision = routeGermanLead(ruleSet);
    assertThat(decision.owner().type()).as("owner %s", decision.owner()).isEqualTo(OwnerType.USER);
  }

  @Test
  void aDirectUserRuleForAnUnlistedUserIsEitherRejectedOrRoutedTo() throws IOException {
    String yaml =
        replace(
            VALID,
            "action: { type: team, team: Sales }",
            "action: { type: user, user: 0055f00000Tst07 }");

    RuleSet ruleSet;
    try {
      ruleSet = load(yaml);
    } catch (InvalidRuleSetException rejected) {
      assertThat(rejected.problems())
          .anySatisfy(p -> assertThat(p.record()).isEqualTo("rule Sales_Rule"));
      return;
    }
    Decision decision = routeGermanLead(ruleSet);
    assertThat(decision.owner().id())
        .as("reasons %s", decision.reasons())
        .isEqualTo(new SalesforceId("0055f00000Tst07"));
  }

  @Test
  void twoUsersWithOneNameAreRejected() {
    assertProblem(
        replace(VALID, "name: Old Timer", "name: Ann"),
        "user Ann",
        "name",
        "another user has the same name");
  }

  @Test
  void twoQueuesWithOneNameAreRejected() {
    assertProblem(
        replace(VALID, "name: Overflow }", "name: General }"),
        "queue General",
        "name",
        "another queue has the same name");
  }
}

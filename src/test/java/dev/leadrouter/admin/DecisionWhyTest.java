package dev.leadrouter.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.Mode;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.store.DecisionStatus;
import dev.leadrouter.store.LoggedDecision;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "why" of a logged decision, in words and on the console's page. */
class DecisionWhyTest {

  private static final String PATH =
      """
      [{"rule":"<script>alert(1)</script>","applied":true,"matched":true,"note":"went to team emea",
        "criteria":[{"criterion":{"number":1,"field":"Country","operator":"IN","values":["DE","AT"]},
                     "actual":"DE","result":true},
                    {"criterion":{"number":2,"field":"Employees","operator":"GREATER_THAN",
                     "values":["500"]},"actual":null,"result":false}]}]
      """;

  private static final String STRATEGIES =
      """
      [{"team":"emea","strategy":"ROUND_ROBIN","previous":"005000000000002",
        "members":[{"userId":"005000000000001","name":"Alice","unavailable":null,"openLoad":3,
                    "capacity":10,"weight":1,"effectiveWeight":0.7,"credit":0.25},
                   {"userId":"005000000000002","name":"Bob","unavailable":"OUT_OF_OFFICE",
                    "openLoad":5,"capacity":10,"weight":1,"effectiveWeight":0.5,"credit":0}],
        "chosen":"005000000000001"}]
      """;

  private static LoggedDecision decision() {
    return new LoggedDecision(
        7,
        "00Q000000000001",
        Owner.user(new SalesforceId("005000000000001"), "Alice"),
        "<script>alert(1)</script>",
        List.of(ReasonCode.TEAM_ROUND_ROBIN),
        PATH,
        Map.of("Country", "DE"),
        STRATEGIES,
        65,
        "hot",
        new SalesforceId("001000000000001"),
        15,
        Mode.SHADOW,
        DecisionStatus.PLANNED,
        "rules-v7",
        Instant.parse("2026-11-27T09:00:00Z"),
        null,
        "{\"accountId\":\"001000000000001\",\"accountName\":\"Example GmbH\","
            + "\"confidence\":0.92,\"method\":\"email domain\"}",
        null,
        "jo@example.de",
        "example gmbh");
  }

  @Test
  void takesTheLoggedJsonApartIntoRulesCriteriaAccountAndStrategyState() {
    DecisionWhy why = DecisionWhy.of(decision());

    assertThat(why.path())
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.outcome()).isEqualTo("applied");
              assertThat(step.criteria())
                  .extracting(DecisionWhy.CriterionStep::test, DecisionWhy.CriterionStep::met)
                  .containsExactly(
                      org.assertj.core.api.Assertions.tuple("Country in DE, AT", true),
                      org.assertj.core.api.Assertions.tuple("Employees greater than 500", false));
            });
    assertThat(why.account())
        .hasValueSatisfying(
            a -> {
              assertThat(a.method()).isEqualTo("email domain");
              assertThat(a.confidencePercent()).isEqualTo("92%");
            });
    assertThat(why.strategies())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.previous()).isEqualTo("Bob");
              assertThat(s.chosenId()).isEqualTo("005000000000001");
              assertThat(s.chosen()).isEqualTo("Alice");
              assertThat(s.members())
                  .extracting(DecisionWhy.Member::unavailable)
                  .containsExactly("", "OUT_OF_OFFICE");
            });
    assertThat(why.team()).contains("emea");
    assertThat(why.shadow()).isTrue();
    assertThat(why.text())
        .contains("[applied]", "1. Country in DE, AT -> yes (was DE)", "by email domain")
        .contains("Team emea (round robin): previous Bob, chose Alice");
  }

  @Test
  void theWhyPageEscapesWhatTheLogHolds() {
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", new ConsoleChrome("Why", "search", ConsoleRequest.Access.SESSION));
    model.put("why", DecisionWhy.of(decision()));
    model.put("history", List.of(decision()));
    model.put("clock", null);

    String html = new ConsoleTemplates().render("why.jte", model);

    assertThat(html)
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("<th scope=\"row\">Alice</th>", "Example GmbH", "shadow: logged, never written")
        .contains("<a class=\"skip\" href=\"#main\">", "Sign out");
  }
}

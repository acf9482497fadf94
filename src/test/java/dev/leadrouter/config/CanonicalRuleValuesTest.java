package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.criteria.Criterion;
import dev.leadrouter.route.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule values are brought to the canonical form leads are compared in. */
class CanonicalRuleValuesTest {

  @TempDir Path dir;

  private RuleSet load(String criteria) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("rules.yaml"),
            """
            settings: { catchAllQueue: 00G5f00000LR001EAD }
            rules:
              - name: Only
                criteria: [ %s ]
                action: { type: queue, queue: 00G5f00000LR001EAD }
            """
                .formatted(criteria));
    return new YamlRuleSetLoader().load(file);
  }

  private Criterion onlyCriterion(RuleSet ruleSet) {
    return ruleSet.rules().get(0).when().criteria().get(0);
  }

  @Test
  void countryNamesBecomeIsoCodes() throws IOException {
    RuleSet ruleSet =
        load("{ field: Country, operator: in, value: \"Germany, Österreich, CH, U.S.A.\" }");

    assertThat(onlyCriterion(ruleSet).values()).containsExactly("DE", "AT", "CH", "US");
  }

  @Test
  void domainsBecomeRegistrableDomains() throws IOException {
    RuleSet ruleSet =
        load("{ field: EmailDomain, operator: equals, value: \"https://www.shop.acme.co.uk/\" }");

    assertThat(onlyCriterion(ruleSet).values()).containsExactly("acme.co.uk");
  }

  @Test
  void companyValuesBecomeMatchKeys() throws IOException {
    RuleSet ruleSet =
        load("{ field: CompanyKey, operator: in, value: [\"ACME, Inc.\", \"Globex Corp\"] }");

    assertThat(onlyCriterion(ruleSet).values()).containsExactly("acme", "globex");
  }

  @Test
  void partialOperatorsKeepTheValueAsWritten() throws IOException {
    RuleSet ruleSet = load("{ field: Country, operator: starts with, value: \"Ger\" }");

    assertThat(onlyCriterion(ruleSet).values()).containsExactly("Ger");
  }

  @Test
  void anUnrecognisableCountryIsRejectedNamingRuleAndField() {
    assertThatThrownBy(() -> load("{ field: Country, operator: equals, value: Atlantis }"))
        .isInstanceOf(InvalidRuleSetException.class)
        .hasMessageContaining("rule Only, field criteria[1].value")
        .hasMessageContaining("'Atlantis'");
  }
}

package dev.leadrouter.config;

import static dev.leadrouter.config.Problems.orEmpty;

import dev.leadrouter.config.RuleSetDocument.CriterionDoc;
import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.criteria.Criterion;
import dev.leadrouter.criteria.InvalidCriteriaException;
import dev.leadrouter.criteria.Operator;
import dev.leadrouter.lead.LeadFields;
import dev.leadrouter.normalize.CompanyNameNormalizer;
import dev.leadrouter.normalize.CountryNormalizer;
import dev.leadrouter.normalize.DomainNormalizer;
import java.util.ArrayList;
import java.util.List;

/** Reads numbered criteria and their logic, naming the criterion and field of each problem. */
final class CriteriaAssembler {

  private final Problems problems;
  private final CountryNormalizer countries = new CountryNormalizer();
  private final DomainNormalizer domains = new DomainNormalizer();
  private final CompanyNameNormalizer companies = new CompanyNameNormalizer();

  CriteriaAssembler(Problems problems) {
    this.problems = problems;
  }

  /**
   * @return the compiled criteria, or {@code null} when they have problems (which are recorded)
   */
  CriteriaSet criteria(String record, List<CriterionDoc> docs, String logic) {
    List<Criterion> criteria = new ArrayList<>();
    boolean ok = true;
    int position = 0;
    for (CriterionDoc doc : orEmpty(docs)) {
      position++;
      int number = doc.number() == null ? position : doc.number();
      String where = "criteria[" + number + "]";
      if (doc.field() == null || !LeadFields.isKnown(doc.field())) {
        problems.add(
            record,
            where + ".field",
            doc.field() == null
                ? "the Lead field is missing"
                : "'" + doc.field() + "' is not a Lead field (standard, custom __c, or derived)");
        ok = false;
      }
      var operator = Operator.parse(doc.operator());
      if (operator.isEmpty()) {
        problems.add(
            record,
            where + ".operator",
            "'"
                + doc.operator()
                + "' is not an operator (allowed: "
                + Operator.allowedLabels()
                + ")");
        ok = false;
        continue;
      }
      List<String> values = splitValues(operator.get(), orEmpty(doc.value()));
      if (operator.get().needsValue() && values.isEmpty()) {
        problems.add(
            record, where + ".value", "operator '" + operator.get().label() + "' needs a value");
        ok = false;
      }
      if (ok) {
        values = canonicalValues(record, where, doc.field().trim(), operator.get(), values);
        ok = values != null;
      }
      if (ok) {
        criteria.add(new Criterion(number, doc.field().trim(), operator.get(), values));
      }
    }
    if (!ok) {
      return null;
    }
    try {
      return CriteriaSet.compile(criteria, logic);
    } catch (InvalidCriteriaException invalid) {
      problems.add(record, invalid.field(), invalid.getMessage());
      return null;
    }
  }

  /**
   * Leads are compared in canonical form (Country as an ISO code, domains as registrable domains,
   * company as its match key), so values that are compared whole are brought to the same form:
   * "Country equals Germany" must match a lead from "Deutschland". A value that cannot be brought
   * to it is a mistake the admin should hear about now, not a rule that silently never matches.
   *
   * @return the values to compare with, or {@code null} when one was rejected (recorded)
   */
  private List<String> canonicalValues(
      String record, String where, String field, Operator operator, List<String> values) {
    boolean whole =
        operator == Operator.EQUALS
            || operator == Operator.NOT_EQUALS
            || operator == Operator.IN
            || operator == Operator.NOT_IN;
    String key = field.toLowerCase(java.util.Locale.ROOT);
    if (!whole) {
      return values;
    }
    List<String> canonical = new ArrayList<>(values.size());
    for (String value : values) {
      java.util.Optional<String> converted =
          switch (key) {
            case "country", "countrycode" -> countries.toIso2(value);
            case "emaildomain", "websitedomain", "domain" -> domains.fromWebsite(value);
            case "companykey" -> java.util.Optional.ofNullable(companies.matchKey(value));
            default -> java.util.Optional.of(value);
          };
      if (converted.isEmpty()) {
        problems.add(
            record, where + ".value", "'" + value + "' is not a recognisable value for " + field);
        return null;
      }
      canonical.add(converted.get());
    }
    return canonical;
  }

  /**
   * "DE, AT, CH" and [DE, AT, CH] mean the same, as in Salesforce's rule entry screen. Items of a
   * list are taken whole, which is how to write a value that contains a comma: ["ACME, Inc."].
   */
  private static List<String> splitValues(Operator operator, List<String> raw) {
    if (!operator.needsValue()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String value : raw) {
      if (value == null) {
        continue;
      }
      boolean listOperator =
          operator == Operator.IN
              || operator == Operator.NOT_IN
              || operator == Operator.EQUALS
              || operator == Operator.NOT_EQUALS;
      if (listOperator && raw.size() == 1 && value.contains(",")) {
        for (String part : value.split(",")) {
          if (!part.isBlank()) {
            values.add(part.trim());
          }
        }
      } else if (!value.isBlank()) {
        values.add(value.trim());
      }
    }
    return values;
  }
}

package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import dev.leadrouter.lead.SalesforceId;
import java.util.List;
import java.util.Set;

/**
 * What consent a lead must carry before a rule that needs consent may route it to a rep.
 *
 * @param optOutFields checkbox fields that withdraw consent when true, e.g. HasOptedOutOfEmail
 * @param optInCountries countries (ISO alpha-2) where explicit opt-in is required
 * @param optInField the checkbox that records explicit opt-in, e.g. Marketing_Consent__c
 * @param queue where leads without consent go, e.g. a nurture or compliance queue
 */
public record ConsentPolicy(
    List<String> optOutFields, Set<String> optInCountries, String optInField, SalesforceId queue) {

  public static final ConsentPolicy NONE = new ConsentPolicy(List.of(), Set.of(), null, null);

  public ConsentPolicy {
    optOutFields = optOutFields.stream().map(FieldSource::key).toList();
    optInCountries = Set.copyOf(optInCountries);
    optInField = FieldSource.key(optInField);
  }

  public boolean hasConsent(FieldSource lead) {
    for (String field : optOutFields) {
      if ("true".equalsIgnoreCase(lead.get(field))) {
        return false;
      }
    }
    String country = lead.get("countrycode");
    if (optInField != null && country != null && optInCountries.contains(country)) {
      return "true".equalsIgnoreCase(lead.get(optInField));
    }
    return true;
  }
}

package dev.leadrouter.lead;

import java.util.Locale;
import java.util.Set;

/**
 * The Lead fields rule criteria may name: Salesforce's standard Lead fields, any custom field
 * ({@code __c}), and the virtual fields the pipeline derives (domains, company key, score,
 * account).
 *
 * <p>Checked when rules load so a typo such as {@code Countyr} is rejected with the rule named,
 * instead of silently never matching.
 */
public final class LeadFields {

  private static final Set<String> STANDARD =
      lower(
          Set.of(
              "Id",
              "FirstName",
              "LastName",
              "Name",
              "Salutation",
              "MiddleName",
              "Suffix",
              "Title",
              "Company",
              "Email",
              "Phone",
              "MobilePhone",
              "Fax",
              "Website",
              "Street",
              "City",
              "State",
              "StateCode",
              "PostalCode",
              "Country",
              "CountryCode",
              "Latitude",
              "Longitude",
              "Industry",
              "NumberOfEmployees",
              "AnnualRevenue",
              "LeadSource",
              "Status",
              "Rating",
              "Description",
              "OwnerId",
              "IsConverted",
              "IsUnreadByOwner",
              "HasOptedOutOfEmail",
              "HasOptedOutOfFax",
              "DoNotCall",
              "CreatedDate",
              "CreatedById",
              "LastModifiedDate",
              "LastModifiedById",
              "LastActivityDate",
              "LastTransferDate",
              "Jigsaw",
              "EmailBouncedReason",
              "EmailBouncedDate",
              "IndividualId",
              "GeocodeAccuracy",
              "CleanStatus",
              "CompanyDunsNumber",
              "RecordTypeId",
              "ConvertedAccountId",
              "ConvertedContactId",
              "ConvertedOpportunityId",
              "ConvertedDate",
              "MasterRecordId",
              "IsDeleted"));

  private static final Set<String> VIRTUAL =
      lower(
          Set.of(
              "EmailDomain",
              "WebsiteDomain",
              "Domain",
              "CompanyKey",
              "Score",
              "FitScore",
              "IntentScore",
              "ScoreTier",
              "AccountType",
              "AccountMatched"));

  private LeadFields() {}

  public static boolean isKnown(String field) {
    if (field == null || field.isBlank()) {
      return false;
    }
    String name = field.trim().toLowerCase(Locale.ROOT);
    return STANDARD.contains(name) || VIRTUAL.contains(name) || isCustom(name);
  }

  private static boolean isCustom(String name) {
    return name.endsWith("__c") && name.length() > 3 && name.matches("[a-z][a-z0-9_]*__c");
  }

  private static Set<String> lower(Set<String> names) {
    return Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
  }
}

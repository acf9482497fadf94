package dev.leadrouter.rules;

import java.util.List;

/**
 * The Custom Metadata types and fields of {@code config/salesforce/force-app}, by API name. The
 * SFDX project is the definition; {@code SfdxProjectTest} checks that every field named here exists
 * there.
 */
public final class RuleMetadata {

  public static final String RULE = "Routing_Rule__mdt";
  public static final String CRITERION = "Routing_Criterion__mdt";
  public static final String TEAM = "Routing_Team__mdt";
  public static final String MEMBER = "Routing_Team_Member__mdt";
  public static final String TERRITORY = "Routing_Territory__mdt";
  public static final String SCORE_RULE = "Routing_Score_Rule__mdt";
  public static final String SCORE_TIER = "Routing_Score_Tier__mdt";
  public static final String SETTING = "Routing_Setting__mdt";

  /** In the order they are read: what others refer to first. */
  public static final List<String> TYPES =
      List.of(SETTING, TEAM, MEMBER, TERRITORY, RULE, SCORE_RULE, CRITERION, SCORE_TIER);

  private RuleMetadata() {}

  /** The custom fields of a type, as SOQL selects them. */
  public static List<String> fields(String type) {
    return switch (type) {
      case RULE ->
          List.of(
              "Order__c",
              "Active__c",
              "Criteria_Logic__c",
              "Action__c",
              "Team__c",
              "Queue__c",
              "User__c",
              "Min_Confidence__c",
              "SLA_Minutes__c",
              "Shadow_Only__c",
              "Channel_Only__c",
              "Requires_Consent__c");
      case CRITERION ->
          List.of("Rule__c", "Score_Rule__c", "Number__c", "Field__c", "Operator__c", "Value__c");
      case TEAM ->
          List.of(
              "Strategy__c",
              "Honour_Working_Hours__c",
              "Match_Skills__c",
              "Fallback_Team__c",
              "Fallback_Queue__c");
      case MEMBER ->
          List.of(
              "Team__c",
              "User__c",
              "Weight__c",
              "Capacity__c",
              "Languages__c",
              "Industries__c",
              "Active__c",
              "Working_Hours__c",
              "Out_Of_Office__c");
      case TERRITORY ->
          List.of("Order__c", "Countries__c", "States__c", "Postal_Codes__c", "Team__c");
      case SCORE_RULE -> List.of("Order__c", "Category__c", "Points__c", "Criteria_Logic__c");
      case SCORE_TIER -> List.of("Min_Score__c", "SLA_Minutes__c");
      case SETTING ->
          List.of(
              "Mode__c",
              "Catch_All_Queue__c",
              "General_Queue__c",
              "Language_Field__c",
              "Holidays__c",
              "Opt_Out_Fields__c",
              "Opt_In_Countries__c",
              "Opt_In_Field__c",
              "Consent_Queue__c",
              "Deal_Registration_Field__c",
              "Partner_Account_Types__c",
              "Version__c");
      default -> throw new IllegalArgumentException("not a routing metadata type: " + type);
    };
  }
}

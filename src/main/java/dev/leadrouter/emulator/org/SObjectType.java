package dev.leadrouter.emulator.org;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sObject types the emulated org holds, with the key prefix Salesforce gives their ids and the
 * fields a record may carry besides the ones its seed records bring.
 */
public enum SObjectType {
  LEAD(
      "Lead",
      "00Q",
      List.of(
          "FirstName",
          "LastName",
          "Name",
          "Title",
          "Company",
          "Email",
          "Phone",
          "Website",
          "Street",
          "City",
          "State",
          "StateCode",
          "PostalCode",
          "Country",
          "CountryCode",
          "Status",
          "LeadSource",
          "Industry",
          "Rating",
          "NumberOfEmployees",
          "AnnualRevenue",
          "IsConverted",
          "LastTransferDate",
          "Routing_Rule__c",
          "Routing_Reason__c",
          "Routed_At__c",
          "SLA_Due__c")),
  ACCOUNT(
      "Account",
      "001",
      List.of(
          "Name",
          "Website",
          "Industry",
          "NumberOfEmployees",
          "AnnualRevenue",
          "BillingCountry",
          "BillingCountryCode",
          "BillingState",
          "BillingStateCode",
          "ParentId",
          "Type")),
  USER(
      "User",
      "005",
      List.of(
          "Username",
          "FirstName",
          "LastName",
          "Name",
          "Email",
          "IsActive",
          "TimeZoneSidKey",
          "LocaleSidKey",
          "ManagerId",
          "UserType")),
  GROUP("Group", "00G", List.of("Name", "DeveloperName", "Type")),
  CONTACT(
      "Contact",
      "003",
      List.of("FirstName", "LastName", "Name", "Email", "Phone", "AccountId", "Title")),
  TASK(
      "Task",
      "00T",
      List.of(
          "WhoId",
          "WhatId",
          "Subject",
          "Status",
          "Priority",
          "ActivityDate",
          "ReminderDateTime",
          "IsReminderSet",
          "Type",
          "TaskSubtype",
          "Description")),
  // Fields as
  // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_businesshours.htm
  BUSINESS_HOURS(
      "BusinessHours",
      "01m",
      List.of(
          "Name",
          "IsActive",
          "IsDefault",
          "TimeZoneSidKey",
          "SundayStartTime",
          "SundayEndTime",
          "MondayStartTime",
          "MondayEndTime",
          "TuesdayStartTime",
          "TuesdayEndTime",
          "WednesdayStartTime",
          "WednesdayEndTime",
          "ThursdayStartTime",
          "ThursdayEndTime",
          "FridayStartTime",
          "FridayEndTime",
          "SaturdayStartTime",
          "SaturdayEndTime")),
  // Fields as
  // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_holiday.htm
  HOLIDAY(
      "Holiday",
      "0C0",
      List.of(
          "Name",
          "Description",
          "ActivityDate",
          "IsAllDay",
          "StartTimeInMinutes",
          "EndTimeInMinutes",
          "IsRecurrence",
          "RecurrenceType",
          "RecurrenceInterval",
          "RecurrenceDayOfMonth",
          "RecurrenceDayOfWeekMask",
          "RecurrenceMonthOfYear",
          "RecurrenceInstance",
          "RecurrenceStartDate",
          "RecurrenceEndDateOnly"));

  /** Fields every record has, set by the org rather than by the client. */
  public static final List<String> SYSTEM_FIELDS =
      List.of(
          "Id",
          "OwnerId",
          "CreatedDate",
          "CreatedById",
          "LastModifiedDate",
          "LastModifiedById",
          "SystemModstamp");

  private final String apiName;
  private final String keyPrefix;
  private final List<String> fields;

  SObjectType(String apiName, String keyPrefix, List<String> fields) {
    this.apiName = apiName;
    this.keyPrefix = keyPrefix;
    this.fields = fields;
  }

  public String apiName() {
    return apiName;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  /** Whether Name is read-only and derived from FirstName and LastName, as for people. */
  public boolean hasPersonName() {
    return this == LEAD || this == CONTACT || this == USER;
  }

  List<String> standardFields() {
    return fields;
  }

  /** The type with this API name; Salesforce matches object names case-insensitively. */
  public static Optional<SObjectType> named(String name) {
    return Arrays.stream(values())
        .filter(t -> t.apiName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}

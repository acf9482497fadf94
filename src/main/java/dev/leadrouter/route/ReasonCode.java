package dev.leadrouter.route;

/**
 * Why a decision came out as it did. A decision carries these in the order they arose; the routing
 * log, the Lead's {@code Routing_Reason__c} and the "why" page show them to people, so every code
 * has a sentence an admin can read.
 */
public enum ReasonCode {
  // How the owner was chosen.
  ACCOUNT_OWNER("the lead matches an existing account and goes to that account's owner"),
  DUPLICATE("the lead duplicates an open lead or contact and goes to its existing owner"),
  DIRECT_USER("the rule assigns the lead to a named user"),
  QUEUE("the rule assigns the lead to a queue"),
  TEAM_ROUND_ROBIN("a team member was chosen in turn (round robin)"),
  TEAM_WEIGHTED("a team member was chosen by weight, reduced by current load"),
  TEAM_CAPACITY("the least-loaded team member with room under their cap was chosen"),
  TERRITORY("the lead's country, state or postal code put it in a territory team"),
  SKILLS_MATCHED("only team members with the lead's language or industry were considered"),
  SKILLS_NOT_MATCHED("no team member had the lead's language or industry, so all were considered"),
  CHANNEL("a partner or deal-registered lead followed the channel rule before direct teams"),
  CONSENT("the lead lacks the consent the rule needs and went to the consent path"),
  SHADOW_RULE("the rule runs in shadow: the owner is logged, not written"),

  // The waterfall: what happened when the first choice could not take the lead.
  NO_AVAILABLE_MEMBER("no member of the team could take the lead"),
  FALLBACK_TEAM("the lead went on to the team's fallback team"),
  FALLBACK_QUEUE("the lead went to the team's fallback queue"),
  USER_UNAVAILABLE("the named user cannot take leads now"),
  GENERAL_QUEUE("nobody in the rule's path could take the lead, so it went to the general queue"),
  NO_RULE_MATCHED("no rule matched the lead"),
  CATCH_ALL("the lead went to the catch-all queue, so it is never left without an owner"),

  // Rules that matched but could not act, so routing moved on to the next rule.
  ACCOUNT_NOT_MATCHED("no existing account matched the lead"),
  ACCOUNT_MATCH_LOW_CONFIDENCE("an account matched, below the rule's minimum confidence"),
  ACCOUNT_OWNER_INACTIVE("the matched account's owner is inactive"),
  DUPLICATE_OWNER_INACTIVE("the duplicate's owner is inactive"),
  NOT_A_DUPLICATE("the lead duplicates no open lead or contact"),
  TERRITORY_NOT_FOUND("no territory covers the lead's country, state or postal code"),

  // Problems with the lead's own data; routing went ahead with what could be read.
  COUNTRY_UNKNOWN("the lead's country could not be recognised"),
  STATE_UNKNOWN("the lead's state or province could not be recognised"),
  PHONE_INVALID("the lead's phone number is not a valid number"),
  EMAIL_INVALID("the lead's email has no usable domain"),
  WEBSITE_INVALID("the lead's website has no usable domain"),
  FREE_MAIL_DOMAIN("the lead's email is a free-mail or disposable address"),
  VALUE_TRUNCATED("a field was too long and only its start was used"),
  ACCOUNT_FIRMOGRAPHICS(
      "the lead's blank industry or employee count was taken from its matched account"),
  ENRICHMENT_TIMEOUT(
      "the lead waited for enrichment fields that did not arrive in time, and was routed without"
          + " them"),

  // A team member was passed over (shown in the strategy state of the decision).
  MEMBER_INACTIVE("the team membership is switched off"),
  USER_INACTIVE("the user is inactive in Salesforce"),
  UNKNOWN_USER("the user is not known to the rule set"),
  OUT_OF_OFFICE("the user is out of office"),
  HOLIDAY("it is a holiday where the user works"),
  OUTSIDE_WORKING_HOURS("it is outside the user's working hours in their time zone"),
  AT_CAPACITY("the user has as many open leads as their cap allows"),

  ROUTING_ERROR("routing failed unexpectedly; the lead went to the catch-all queue"),

  SLA_REASSIGN("nobody touched the lead in time, so it went to the next available rep of the team"),

  RECONCILED(
      "the lead's change event was no longer retained when the worker came back, so it was found by"
          + " query and routed then");

  private final String explanation;

  ReasonCode(String explanation) {
    this.explanation = explanation;
  }

  /** One sentence for people, without a trailing full stop. */
  public String explanation() {
    return explanation;
  }
}

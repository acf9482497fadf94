package dev.leadrouter.rules;

/** A user as the org's User object gives it, for the rule set's directory. */
public record OrgUser(String id, String name, boolean active, String timeZone) {}

package dev.leadrouter.rules;

/** A queue (a Group of type Queue) of the org. */
public record OrgQueue(String id, String developerName) {}

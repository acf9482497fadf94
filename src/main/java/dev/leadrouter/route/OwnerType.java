package dev.leadrouter.route;

/** Salesforce lets a Lead be owned by a user or by a queue. */
public enum OwnerType {
  USER,
  QUEUE
}

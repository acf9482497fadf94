package dev.leadrouter.write;

import java.util.List;
import java.util.Map;

/**
 * Lets a later stage (SLA tracking) add Lead fields to owner updates and act on the outcome, in the
 * writer's thread, without the writer knowing what it does. Its failures are logged and never stop
 * the owner writes.
 */
public interface WriteListener {

  /** Does nothing; the writer's default. */
  WriteListener NONE = new WriteListener() {};

  /**
   * Fields to send on the Lead together with its owner (e.g. {@code SLA_Due__c}). Called for every
   * attempt, so it must give the same answer each time.
   */
  default Map<String, Object> extraLeadFields(OwnerUpdate update) {
    return Map.of();
  }

  /** Salesforce took these owner updates; the routing log already says so. */
  default void written(List<OwnerUpdate> written, BatchWriter.Path path) {}

  /** Salesforce refused these for good; the routing log marked them failed. */
  default void failed(List<OwnerUpdate> failed) {}
}

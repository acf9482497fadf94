package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.org.SObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Bulk API 1.0 job and its batches. The job keeps the {@link Call} that created it: batches are
 * processed later, under the creator's user, API version and Sforce-Call-Options client, as an org
 * runs them. Callers synchronize on the job.
 */
final class BulkJob {

  enum State {
    Open,
    Closed,
    Aborted,
    Failed
  }

  private final String id;
  private final String operation;
  private final SObjectType type;
  private final String concurrencyMode;
  private final String createdDate;
  private final Call call;
  private final List<BulkBatch> batches = new ArrayList<>();
  private State state = State.Open;
  private String systemModstamp;

  BulkJob(
      String id,
      String operation,
      SObjectType type,
      String concurrencyMode,
      String createdDate,
      Call call) {
    this.id = id;
    this.operation = operation;
    this.type = type;
    this.concurrencyMode = concurrencyMode;
    this.createdDate = createdDate;
    this.systemModstamp = createdDate;
    this.call = call;
  }

  String id() {
    return id;
  }

  String operation() {
    return operation;
  }

  SObjectType type() {
    return type;
  }

  String concurrencyMode() {
    return concurrencyMode;
  }

  String createdDate() {
    return createdDate;
  }

  String systemModstamp() {
    return systemModstamp;
  }

  Call call() {
    return call;
  }

  State state() {
    return state;
  }

  List<BulkBatch> batches() {
    return List.copyOf(batches);
  }

  Optional<BulkBatch> batch(String batchId) {
    return batches.stream().filter(b -> b.id().equals(batchId)).findFirst();
  }

  void add(BulkBatch batch) {
    batches.add(batch);
  }

  void state(State newState, String now) {
    state = newState;
    systemModstamp = now;
  }

  long batchesIn(BulkBatch.State batchState) {
    return batches.stream().filter(b -> b.state() == batchState).count();
  }

  long recordsProcessed() {
    return batches.stream().mapToLong(b -> b.results().size()).sum();
  }

  long recordsFailed() {
    return batches.stream().mapToLong(BulkBatch::failed).sum();
  }
}

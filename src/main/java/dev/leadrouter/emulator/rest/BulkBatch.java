package dev.leadrouter.emulator.rest;

import java.util.List;

/**
 * One Bulk API 1.0 batch: its CSV rows and, once processed, one result line per row. Processing
 * takes two looks, as an org's queue does: the first status request finds the batch InProgress, the
 * next one Completed, so clients' polling is exercised. Guarded by its job's lock.
 */
final class BulkBatch {

  enum State {
    Queued,
    InProgress,
    Completed,
    Failed,
    NotProcessed
  }

  /** One row's outcome, a line of {@code "Id","Success","Created","Error"}. */
  record Result(String id, boolean success, boolean created, String error) {}

  private final String id;
  private final String createdDate;
  private final List<String> header;
  private final List<List<String>> rows;
  private State state = State.Queued;
  private String stateMessage;
  private String systemModstamp;
  private List<Result> results = List.of();

  BulkBatch(String id, String createdDate, List<String> header, List<List<String>> rows) {
    this.id = id;
    this.createdDate = createdDate;
    this.systemModstamp = createdDate;
    this.header = List.copyOf(header);
    this.rows = List.copyOf(rows);
  }

  String id() {
    return id;
  }

  String createdDate() {
    return createdDate;
  }

  String systemModstamp() {
    return systemModstamp;
  }

  State state() {
    return state;
  }

  String stateMessage() {
    return stateMessage;
  }

  List<String> header() {
    return header;
  }

  List<List<String>> rows() {
    return rows;
  }

  List<Result> results() {
    return results;
  }

  long failed() {
    return results.stream().filter(r -> !r.success()).count();
  }

  void started(String now) {
    state = State.InProgress;
    systemModstamp = now;
  }

  void completed(List<Result> outcome, String now) {
    results = List.copyOf(outcome);
    state = State.Completed;
    systemModstamp = now;
  }

  void failed(String message, String now) {
    state = State.Failed;
    stateMessage = message;
    systemModstamp = now;
  }

  void notProcessed(String now) {
    state = State.NotProcessed;
    stateMessage = "Job aborted";
    systemModstamp = now;
  }
}

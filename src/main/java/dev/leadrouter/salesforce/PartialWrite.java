package dev.leadrouter.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One chunk of an sObject Collections write across its attempts: which records are still to be sent
 * and the latest result of each. A record that failed for a transient reason is sent again; the
 * others keep their result, so a retry never writes a saved record twice.
 */
final class PartialWrite {

  private final List<JsonNode> records;
  private final SaveResult[] results;
  private List<Integer> pending;

  PartialWrite(List<JsonNode> records) {
    this.records = List.copyOf(records);
    this.results = new SaveResult[records.size()];
    this.pending = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      pending.add(i);
    }
  }

  /** Sends the pending records with {@code send}, which answers one result per record in order. */
  PartialWrite attempt(Function<List<JsonNode>, List<SaveResult>> send) {
    List<JsonNode> batch = pending.stream().map(records::get).toList();
    List<SaveResult> answered = send.apply(batch);
    if (answered.size() != batch.size()) {
      throw new SalesforceException(
          200,
          List.of(
              new SalesforceError(
                  "UNEXPECTED_RESPONSE",
                  answered.size() + " results for " + batch.size() + " records",
                  List.of())),
          ErrorKind.PERMANENT);
    }
    List<Integer> retry = new ArrayList<>();
    for (int i = 0; i < answered.size(); i++) {
      int index = pending.get(i);
      results[index] = answered.get(i);
      if (answered.get(i).failureKind().filter(kind -> kind == ErrorKind.RETRYABLE).isPresent()) {
        retry.add(index);
      }
    }
    pending = retry;
    return this;
  }

  /** Whether some record failed for a reason a retry may cure. */
  boolean hasRetryable() {
    return !pending.isEmpty();
  }

  /** The latest result of every record, in the original order. */
  List<SaveResult> results() {
    return List.copyOf(Arrays.asList(results));
  }
}

package dev.leadrouter.write;

import dev.leadrouter.salesforce.ErrorKind;
import dev.leadrouter.salesforce.SaveResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One batch of owner updates across its attempts: the updates still to send and the final result of
 * the others. Only updates that failed for a reason a retry may cure (a locked row) go again, so a
 * retry never rewrites a lead Salesforce already took.
 */
final class PendingUpdates {

  /** An update with its final result. */
  record Outcome(OwnerUpdate update, SaveResult result) {}

  private final List<Outcome> done = new ArrayList<>();
  private List<OwnerUpdate> pending;

  PendingUpdates(List<OwnerUpdate> updates) {
    this.pending = List.copyOf(updates);
  }

  /** Sends the pending updates; {@code send} answers one result per update, in order. */
  PendingUpdates attempt(Function<List<OwnerUpdate>, List<SaveResult>> send) {
    List<SaveResult> results = send.apply(pending);
    if (results.size() != pending.size()) {
      throw new IllegalStateException(
          results.size() + " results for " + pending.size() + " updates");
    }
    List<OwnerUpdate> retry = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SaveResult result = results.get(i);
      if (result.failureKind().filter(kind -> kind == ErrorKind.RETRYABLE).isPresent()) {
        retry.add(pending.get(i));
      } else {
        done.add(new Outcome(pending.get(i), result));
      }
    }
    pending = retry;
    return this;
  }

  boolean hasRetryable() {
    return !pending.isEmpty();
  }

  /** Updates that were saved or failed for good. */
  List<Outcome> done() {
    return List.copyOf(done);
  }

  /** Updates that still failed transiently when the attempts ran out. */
  List<OwnerUpdate> stillPending() {
    return pending;
  }
}

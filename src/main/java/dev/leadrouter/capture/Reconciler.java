package dev.leadrouter.capture;

/**
 * Re-reads records after events may have been missed. Called on a streaming thread: queue the work,
 * do not query Salesforce here. A request that carries a gap event must acknowledge it through
 * {@link CdcSubscriber#acknowledge} once the records are re-read, or the checkpoint stays before
 * it.
 */
@FunctionalInterface
public interface Reconciler {

  void reconcile(ReconciliationRequest request);
}

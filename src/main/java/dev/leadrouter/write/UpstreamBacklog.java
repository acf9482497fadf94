package dev.leadrouter.write;

/**
 * Leads received but not yet routed. While some wait, a batch that is not full waits for them a
 * little longer: in a burst, full batches save API calls, and the leads are late anyway.
 */
@FunctionalInterface
public interface UpstreamBacklog {

  int waiting();
}

package dev.leadrouter.config;

/**
 * Sizes of the routing pipeline ({@code lead-router.pipeline}).
 *
 * @param queueCapacity events that may wait between capture and routing before intake slows down
 * @param writeBatchSize owner updates per sObject Collections call
 * @param bulkThreshold pending updates from which the Bulk API is used instead
 */
public record PipelineSettings(int queueCapacity, int writeBatchSize, int bulkThreshold) {

  /** Records Salesforce accepts in one sObject Collections request. */
  public static final int MAX_WRITE_BATCH_SIZE = 200;
}

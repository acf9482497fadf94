package dev.leadrouter.emulator.rest;

import static dev.leadrouter.emulator.xml.SafeXml.element;

/**
 * Bulk API 1.0's XML answers. Elements come in the order of the async API's schema: force-wsc reads
 * them in sequence, so the order is part of the protocol.
 */
final class BulkXml {

  static final String NAMESPACE = "http://www.force.com/2009/06/asyncapi/dataload";

  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private BulkXml() {}

  /** A job's {@code jobInfo}. */
  static String jobInfo(BulkJob job) {
    return PROLOG
        + "<jobInfo xmlns=\""
        + NAMESPACE
        + "\">"
        + element("id", job.id())
        + element("operation", job.operation())
        + element("object", job.type().apiName())
        + element("createdById", job.call().session().userId())
        + element("createdDate", job.createdDate())
        + element("systemModstamp", job.systemModstamp())
        + element("state", job.state())
        + element("concurrencyMode", job.concurrencyMode())
        + element("contentType", "CSV")
        + element("numberBatchesQueued", job.batchesIn(BulkBatch.State.Queued))
        + element("numberBatchesInProgress", job.batchesIn(BulkBatch.State.InProgress))
        + element("numberBatchesCompleted", job.batchesIn(BulkBatch.State.Completed))
        + element("numberBatchesFailed", job.batchesIn(BulkBatch.State.Failed))
        + element("numberBatchesTotal", job.batches().size())
        + element("numberRecordsProcessed", job.recordsProcessed())
        + element("numberRetries", 0)
        + element("apiVersion", job.call().version())
        + element("numberRecordsFailed", job.recordsFailed())
        + element("totalProcessingTime", 0)
        + element("apiActiveProcessingTime", 0)
        + element("apexProcessingTime", 0)
        + "</jobInfo>";
  }

  /** A batch's {@code batchInfo}. */
  static String batchInfo(String jobId, BulkBatch batch) {
    return PROLOG + batch(jobId, batch, " xmlns=\"" + NAMESPACE + "\"");
  }

  /** A job's batches, {@code batchInfoList}, as {@code getBatchInfoList} reads them. */
  static String batchInfoList(BulkJob job) {
    StringBuilder list = new StringBuilder(PROLOG);
    list.append("<batchInfoList xmlns=\"").append(NAMESPACE).append("\">");
    job.batches().forEach(batch -> list.append(batch(job.id(), batch, "")));
    return list.append("</batchInfoList>").toString();
  }

  private static String batch(String jobId, BulkBatch batch, String namespace) {
    return "<batchInfo"
        + namespace
        + ">"
        + element("id", batch.id())
        + element("jobId", jobId)
        + element("state", batch.state())
        + (batch.stateMessage() == null ? "" : element("stateMessage", batch.stateMessage()))
        + element("createdDate", batch.createdDate())
        + element("systemModstamp", batch.systemModstamp())
        + element("numberRecordsProcessed", batch.results().size())
        + element("numberRecordsFailed", batch.failed())
        + element("totalProcessingTime", 0)
        + element("apiActiveProcessingTime", 0)
        + element("apexProcessingTime", 0)
        + "</batchInfo>";
  }

  /** The async API's error body, e.g. {@code InvalidSessionId}. */
  static String error(String code, String message) {
    return PROLOG
        + "<error xmlns=\""
        + NAMESPACE
        + "\">"
        + element("exceptionCode", code)
        + element("exceptionMessage", message)
        + "</error>";
  }
}

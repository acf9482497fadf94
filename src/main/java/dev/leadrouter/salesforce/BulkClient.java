package dev.leadrouter.salesforce;

import java.util.List;
import java.util.Map;

/**
 * Writes bursts of records through the Bulk API, where sObject Collections (200 records a call)
 * would spend too many API calls. Jobs run in serial mode, so rows of one job never contend for the
 * same locks.
 */
public interface BulkClient {

  /**
   * Updates records, each holding its {@code Id} and the fields to set (a {@code null} value clears
   * the field). Rows that failed for a reason a retry may cure (a locked row) are sent again in a
   * new job; the others keep their result.
   *
   * @return one result per record, in the order given
   * @throws SalesforceException when the job as a whole fails or cannot be created
   */
  List<SaveResult> update(String sObject, List<Map<String, Object>> records);
}

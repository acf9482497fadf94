package dev.leadrouter.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Salesforce REST API ({@code /services/data/vXX.X}) as the worker uses it. Every call is
 * authenticated (a rejected session is renewed once and the call replayed), marked with our {@code
 * Sforce-Call-Options} client name so change events caused by us can be recognised, retried on
 * transient failures and budget exhaustion as configured, and reports its API usage to the {@link
 * ApiBudget}. Failures that remain surface as {@link SalesforceException} with an {@link
 * ErrorKind}.
 */
public interface RestClient {

  /**
   * Runs a SOQL query and streams its records, fetching further pages ({@code nextRecordsUrl}) only
   * as the stream is consumed. Build literals with {@link SoqlLiteral}.
   *
   * @return the records as Salesforce sent them, {@code attributes} included
   */
  Stream<JsonNode> query(String soql);

  /**
   * Updates records of one sObject type through sObject Collections, 200 records a request, with
   * {@code allOrNone=false} and assignment rules off ({@code Sforce-Auto-Assign: FALSE}) so an
   * owner we set is not overwritten. Records that failed for a transient reason (a row lock) are
   * sent again on their own.
   *
   * @param records field values by API name; each must hold its id as {@code Id} or {@code id}
   * @return one result per record, in the order given; failed records are results, not exceptions
   * @throws SalesforceException when a whole request fails; earlier chunks may have been written
   */
  List<SaveResult> update(String sObject, List<Map<String, Object>> records);

  /**
   * As {@link #update}, running {@code beforeEachRequest} right before each request goes out (each
   * chunk, each retry, the resend after a new token); what it throws ends the update there, the
   * rest unsent. A worker's lease check goes here, as late as the process can look.
   */
  default List<SaveResult> update(
      String sObject, List<Map<String, Object>> records, Runnable beforeEachRequest) {
    beforeEachRequest.run();
    return update(sObject, records);
  }

  /**
   * Creates records of one sObject type through sObject Collections; otherwise as {@link #update}.
   * A request whose answer was lost (a timeout or reset after sending) is sent again and may then
   * create a record twice; where that matters, write with an external id instead.
   *
   * @param records field values by API name, without ids
   */
  List<SaveResult> create(String sObject, List<Map<String, Object>> records);
}

package dev.leadrouter.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.ConcurrencyMode;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.sforce.ws.ConnectorConfig;
import dev.leadrouter.config.SecureTransport;
import io.github.resilience4j.retry.Retry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk API 1.0 through force-wsc's {@link BulkConnection}, signed in with our OAuth token (the Bulk
 * endpoint is derived from the token's instance URL). One job per attempt: create (serial, CSV),
 * one batch, close, poll until the batch is done, read its results.
 */
final class ForceWscBulkClient implements BulkClient {

  private final AccessTokenSource tokens;
  private final ObjectMapper json;
  private final String apiVersion;
  private final String callOptionsClient;
  private final Retry rowRetry;
  private final Retry poll;
  private final BulkCsv csv = new BulkCsv();

  ForceWscBulkClient(
      AccessTokenSource tokens,
      ObjectMapper json,
      String apiVersion,
      String callOptionsClient,
      Retry rowRetry,
      Retry poll) {
    this.tokens = tokens;
    this.json = json;
    this.apiVersion = apiVersion;
    this.callOptionsClient = callOptionsClient;
    this.rowRetry = rowRetry;
    this.poll = poll;
  }

  @Override
  public List<SaveResult> update(String sObject, List<Map<String, Object>> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    List<JsonNode> rows =
        records.stream().map(record -> (JsonNode) json.valueToTree(record)).toList();
    PartialWrite write = new PartialWrite(rows);
    return rowRetry.executeSupplier(() -> write.attempt(batch -> runJob(sObject, batch))).results();
  }

  private List<SaveResult> runJob(String sObject, List<JsonNode> rows) {
    AccessToken token = tokens.token();
    try {
      return runJob(connect(token), sObject, rows);
    } catch (AsyncApiException failure) {
      if (failure.getExceptionCode() != AsyncExceptionCode.InvalidSessionId) {
        throw translate(failure);
      }
    }
    // The session expired between jobs: sign in once more and run the job again.
    try {
      return runJob(connect(tokens.refresh(token)), sObject, rows);
    } catch (AsyncApiException failure) {
      throw translate(failure);
    }
  }

  private List<SaveResult> runJob(BulkConnection bulk, String sObject, List<JsonNode> rows)
      throws AsyncApiException {
    JobInfo job = new JobInfo();
    job.setObject(sObject);
    job.setOperation(OperationEnum.update);
    job.setContentType(ContentType.CSV);
    job.setConcurrencyMode(ConcurrencyMode.Serial);
    job = bulk.createJob(job);
    InputStream body = new ByteArrayInputStream(csv.write(rows).getBytes(StandardCharsets.UTF_8));
    BatchInfo batch = bulk.createBatchFromStream(job, body);
    bulk.closeJob(job.getId());
    String jobId = job.getId();
    String batchId = batch.getId();
    BatchInfo done = poll.executeSupplier(() -> batchInfo(bulk, jobId, batchId));
    if (done.getState() != BatchStateEnum.Completed) {
      throw new SalesforceException(
          200,
          List.of(
              new SalesforceError(
                  "BATCH_" + done.getState(), String.valueOf(done.getStateMessage()), List.of())),
          done.getState() == BatchStateEnum.Failed ? ErrorKind.PERMANENT : ErrorKind.RETRYABLE);
    }
    return csv.readResults(bulk.getBatchResultStream(jobId, batchId));
  }

  private static BatchInfo batchInfo(BulkConnection bulk, String jobId, String batchId) {
    try {
      return bulk.getBatchInfo(jobId, batchId);
    } catch (AsyncApiException failure) {
      throw translate(failure);
    }
  }

  private BulkConnection connect(AccessToken token) throws AsyncApiException {
    ConnectorConfig config = new ConnectorConfig();
    config.setSessionId(token.value());
    config.setRestEndpoint(
        token.instanceUrl().toString().replaceAll("/+$", "") + "/services/async/" + apiVersion);
    config.setCompression(false);
    config.setTraceMessage(false);
    config.setSslContext(SecureTransport.verifyingContext());
    BulkConnection bulk = new BulkConnection(config);
    // Our own writes must be recognisable in change events, so the worker ignores its echoes.
    bulk.addHeader("Sforce-Call-Options", "client=" + callOptionsClient);
    return bulk;
  }

  /** Bulk's own exception codes, classified like REST errors. */
  static SalesforceException translate(AsyncApiException failure) {
    Optional<String> untrusted = SecureTransport.untrustedCertificate(failure, null);
    if (untrusted.isPresent()) {
      return new SalesforceException(
          0,
          List.of(new SalesforceError("UNTRUSTED_CERTIFICATE", untrusted.get(), List.of())),
          ErrorKind.PERMANENT);
    }
    AsyncExceptionCode code = failure.getExceptionCode();
    ErrorKind kind =
        switch (code == null ? AsyncExceptionCode.Unknown : code) {
          case InvalidSessionId -> ErrorKind.AUTH;
          case ExceededQuota -> ErrorKind.BUDGET;
          case TooManyLockFailure, Timeout, ClientInputError, InternalServerError ->
              ErrorKind.RETRYABLE;
          default -> ErrorKind.PERMANENT;
        };
    String name = code == null ? "Unknown" : code.name();
    return new SalesforceException(
        0,
        List.of(
            new SalesforceError(name, String.valueOf(failure.getExceptionMessage()), List.of())),
        kind);
  }
}

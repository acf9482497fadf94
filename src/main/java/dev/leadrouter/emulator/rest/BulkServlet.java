package dev.leadrouter.emulator.rest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.leadrouter.emulator.auth.Session;
import dev.leadrouter.emulator.auth.Sessions;
import dev.leadrouter.emulator.faults.Faults;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.xml.SafeXml;
import dev.leadrouter.lead.SalesforceId;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;

/**
 * Bulk API 1.0 under {@code /services/async/<version>/}, as force-wsc's {@code BulkConnection}
 * calls it: {@code X-SFDC-Session} auth, XML jobs, CSV batches (listed too), CSV results.
 * Operations: update and insert. A batch is processed when its status is asked for (InProgress
 * first, then Completed) so pollers see both states; an aborted job's waiting batches become
 * NotProcessed.
 *
 * <p>Writes use the REST write path, so change events are published with origin {@code
 * com/salesforce/api/bulkapi/<version>;client=<Sforce-Call-Options client>}. As in an org, Bulk 1.0
 * runs the lead assignment rule only when the job names one ({@code assignmentRuleId}).
 */
public final class BulkServlet extends HttpServlet {

  private static final Pattern PATH =
      Pattern.compile("/(\\d+\\.\\d)/job(?:/([^/]+)(?:/batch(?:/([^/]+)(/result)?)?)?)?/?");
  private static final Set<String> OPERATIONS = Set.of("update", "insert");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final transient Sessions sessions;
  private final transient Clock clock;
  private final transient BulkRows rows;
  private final transient ApiUsage usage;
  private final transient Faults faults;
  private final transient CsvMapper csv = new CsvMapper();
  private final transient Map<String, BulkJob> jobs = new ConcurrentHashMap<>();
  private final transient AtomicLong lastId = new AtomicLong();

  /**
   * @param rest the org's REST API, whose write path Bulk shares: one lock, so REST and Bulk writes
   *     publish their change events in one commit order
   */
  public BulkServlet(RestServlet rest, Org org, Sessions sessions, Clock clock) {
    this.sessions = sessions;
    this.clock = clock;
    this.rows = new BulkRows(org, rest.writes());
    this.usage = rest.usage();
    this.faults = rest.faults();
  }

  /** A Bulk API failure: HTTP status and the async API's exception code. */
  private static final class BulkError extends RuntimeException {
    private final int status;
    private final String code;

    BulkError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      handle(request, response);
    } catch (BulkError e) {
      write(response, e.status, "application/xml", BulkXml.error(e.code, e.getMessage()));
    }
  }

  private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Matcher path = PATH.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
    if (!path.matches()) {
      throw new BulkError(404, "InvalidUrl", "Destination URL not reset");
    }
    Faults.CallFault fault = faults.nextCall();
    if (fault == Faults.CallFault.UNAVAILABLE) {
      throw new BulkError(
          503, "InternalServerError", "Server is temporarily unavailable. Please retry.");
    }
    Session session =
        sessions
            .session(request.getHeader("X-SFDC-Session"))
            .orElseThrow(() -> new BulkError(400, "InvalidSessionId", "Invalid session id"));
    // Every Bulk API 1.0 request counts against the org's daily API requests, as REST calls do.
    if (fault == Faults.CallFault.LIMIT_EXCEEDED || !usage.take()) {
      throw new BulkError(403, "ExceededQuota", "TotalRequests Limit exceeded.");
    }
    String method = request.getMethod();
    String jobId = path.group(2);
    String batchId = path.group(3);
    if (jobId == null) {
      require(method, "POST");
      BulkJob job = create(request, session, path.group(1));
      write(response, 201, "application/xml", BulkXml.jobInfo(job));
      return;
    }
    BulkJob job = job(jobId);
    synchronized (job) {
      if (batchId == null && !path.group(0).contains("/batch")) {
        if (method.equals("POST")) {
          changeState(job, request);
        } else {
          require(method, "GET");
        }
        write(response, 200, "application/xml", BulkXml.jobInfo(job));
      } else if (batchId == null && method.equals("GET")) {
        job.batches().forEach(batch -> advance(job, batch));
        write(response, 200, "application/xml", BulkXml.batchInfoList(job));
      } else if (batchId == null) {
        require(method, "POST");
        BulkBatch batch = addBatch(job, request);
        write(response, 201, "application/xml", BulkXml.batchInfo(job.id(), batch));
      } else {
        require(method, "GET");
        BulkBatch batch =
            job.batch(batchId)
                .orElseThrow(() -> new BulkError(400, "InvalidBatch", "Invalid batch id"));
        if (path.group(4) == null) {
          advance(job, batch);
          write(response, 200, "application/xml", BulkXml.batchInfo(job.id(), batch));
        } else {
          write(response, 200, "text/csv", results(batch));
        }
      }
    }
  }

  private BulkJob create(HttpServletRequest request, Session session, String version)
      throws IOException {
    Document info = jobInfo(request);
    String operation = text(info, "operation").orElse("");
    if (!OPERATIONS.contains(operation)) {
      throw new BulkError(400, "InvalidJob", "Invalid operation: " + operation);
    }
    String object = text(info, "object").orElse("");
    SObjectType type =
        SObjectType.named(object)
            .orElseThrow(
                () -> new BulkError(400, "InvalidJob", "Unable to find object: " + object));
    String contentType = text(info, "contentType").orElse("CSV");
    if (!contentType.equals("CSV")) {
      throw new BulkError(400, "InvalidJob", "Unsupported content type: " + contentType);
    }
    boolean assignmentRule = text(info, "assignmentRuleId").isPresent();
    Call call =
        new Call(
            session,
            version,
            CallOptions.client(request.getHeader("Sforce-Call-Options")),
            assignmentRule);
    BulkJob job =
        new BulkJob(
            newId("750"),
            operation,
            type,
            text(info, "concurrencyMode").orElse("Parallel"),
            now(),
            call);
    jobs.put(job.id(), job);
    return job;
  }

  private void changeState(BulkJob job, HttpServletRequest request) throws IOException {
    String state = text(jobInfo(request), "state").orElse("");
    if (job.state() != BulkJob.State.Open) {
      throw new BulkError(400, "InvalidJobState", "Job is not open: " + job.state());
    }
    switch (state) {
      case "Closed" -> job.state(BulkJob.State.Closed, now());
      case "Aborted" -> {
        job.state(BulkJob.State.Aborted, now());
        for (BulkBatch batch : job.batches()) {
          if (batch.state() == BulkBatch.State.Queued) {
            batch.notProcessed(now());
          }
        }
      }
      default -> throw new BulkError(400, "InvalidJobState", "Invalid state: " + state);
    }
  }

  private BulkBatch addBatch(BulkJob job, HttpServletRequest request) throws IOException {
    if (job.state() != BulkJob.State.Open) {
      throw new BulkError(400, "InvalidJobState", "Job " + job.id() + " is not open");
    }
    List<List<String>> lines = new ArrayList<>();
    try (MappingIterator<List<String>> it =
        csv.readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(SafeXml.body(request))) {
      while (it.hasNext()) {
        lines.add(it.next());
      }
    } catch (RuntimeException | IOException unreadable) {
      throw new BulkError(400, "InvalidBatch", "Unable to parse CSV: " + unreadable.getMessage());
    }
    if (lines.isEmpty()) {
      throw new BulkError(400, "InvalidBatch", "Records not found");
    }
    BulkBatch batch =
        new BulkBatch(newId("751"), now(), lines.get(0), lines.subList(1, lines.size()));
    job.add(batch);
    return batch;
  }

  /** Queued becomes InProgress; InProgress runs the rows and becomes Completed. */
  private void advance(BulkJob job, BulkBatch batch) {
    switch (batch.state()) {
      case Queued -> batch.started(now());
      case InProgress -> {
        List<BulkBatch.Result> results = rows.run(job, batch);
        batch.completed(results, now());
      }
      default -> {
        // Completed, Failed and NotProcessed are final.
      }
    }
  }

  private String results(BulkBatch batch) throws IOException {
    if (batch.state() != BulkBatch.State.Completed) {
      throw new BulkError(400, "InvalidBatch", "Batch not completed");
    }
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("Id")
            .addColumn("Success")
            .addColumn("Created")
            .addColumn("Error")
            .setUseHeader(true)
            .build();
    List<List<String>> lines = new ArrayList<>();
    for (BulkBatch.Result result : batch.results()) {
      lines.add(
          List.of(
              result.id(),
              String.valueOf(result.success()),
              String.valueOf(result.created()),
              result.error()));
    }
    StringWriter out = new StringWriter();
    csv.writer(schema)
        .with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
        .with(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
        .writeValues(out)
        .writeAll(lines)
        .close();
    return out.toString();
  }

  private BulkJob job(String id) {
    return Optional.ofNullable(jobs.get(id))
        .orElseThrow(() -> new BulkError(400, "InvalidJob", "Invalid job id: " + id));
  }

  private static Document jobInfo(HttpServletRequest request) throws IOException {
    return SafeXml.parse(SafeXml.body(request))
        .orElseThrow(() -> new BulkError(400, "InvalidXML", "Unable to parse jobInfo"));
  }

  private static Optional<String> text(Document document, String name) {
    return SafeXml.text(document, BulkXml.NAMESPACE, name).filter(t -> !t.isEmpty());
  }

  private String newId(String keyPrefix) {
    return new SalesforceId(
            keyPrefix + "Em" + String.format(Locale.ROOT, "%010d", lastId.incrementAndGet()))
        .value();
  }

  private String now() {
    return DATE_TIME.format(clock.instant());
  }

  private static void require(String method, String expected) {
    if (!method.equals(expected)) {
      throw new BulkError(405, "InvalidUrl", "HTTP method " + method + " not allowed here");
    }
  }

  private static void write(
      HttpServletResponse response, int status, String contentType, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(contentType + ";charset=UTF-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}

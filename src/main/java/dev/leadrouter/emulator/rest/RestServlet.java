package dev.leadrouter.emulator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.auth.Session;
import dev.leadrouter.emulator.auth.Sessions;
import dev.leadrouter.emulator.cdc.ChangeEvents;
import dev.leadrouter.emulator.faults.Faults;
import dev.leadrouter.emulator.org.Org;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API under {@code /services/data/v<version>/}: authenticates the call, counts it against
 * the daily budget ({@code Sforce-Limit-Info} on every answer), and routes it to query, sObject or
 * sObject Collections resources. Failures use Salesforce's error envelope.
 */
public final class RestServlet extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("/v(\\d+\\.\\d)/(.*)");

  private final transient ObjectMapper json = new ObjectMapper();
  private final transient Sessions sessions;
  private final transient ApiUsage usage;
  private final transient QueryResource query;
  private final transient SObjectResource sobjects;
  private final transient CollectionsResource collections;
  private final transient Writes writes;
  private final transient Faults faults;

  /**
   * @param dailyApiLimit calls allowed before REQUEST_LIMIT_EXCEEDED
   * @param queryBatchSize records per query page unless the caller asks for another size
   */
  public RestServlet(
      Org org,
      Sessions sessions,
      ChangeEvents events,
      Clock clock,
      long dailyApiLimit,
      int queryBatchSize,
      Faults faults) {
    this.sessions = sessions;
    this.faults = faults;
    this.usage = new ApiUsage(dailyApiLimit);
    this.writes = new Writes(org, events, faults);
    this.query = new QueryResource(org, clock, queryBatchSize);
    this.sobjects = new SObjectResource(org, writes);
    this.collections = new CollectionsResource(sobjects, writes);
  }

  /** The org's daily API budget, which Bulk API calls draw on too. */
  ApiUsage usage() {
    return usage;
  }

  /** The faults in force, which Bulk API calls meet too. */
  Faults faults() {
    return faults;
  }

  /** The org's write path, shared with Bulk so all writes publish in one commit order. */
  Writes writes() {
    return writes;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Reply reply;
    try {
      reply = handle(request);
    } catch (RestError e) {
      reply = new Reply(e.status(), e.envelope());
    }
    response.setHeader("Sforce-Limit-Info", usage.header());
    response.setStatus(reply.status());
    if (reply.body() != null) {
      response.setContentType("application/json;charset=UTF-8");
      json.writeValue(response.getOutputStream(), reply.body());
    }
  }

  private Reply handle(HttpServletRequest request) throws IOException {
    Matcher path = PATH.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
    if (!path.matches()) {
      throw RestError.notFound();
    }
    Faults.CallFault fault = faults.nextCall();
    if (fault == Faults.CallFault.UNAVAILABLE) {
      throw RestError.unavailable();
    }
    Optional<Session> session = sessions.authorize(request.getHeader("Authorization"));
    if (session.isEmpty()) {
      throw new RestError(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }
    if (fault == Faults.CallFault.LIMIT_EXCEEDED || !usage.take()) {
      throw RestError.limitExceeded();
    }
    Call call =
        new Call(
            session.get(),
            path.group(1),
            CallOptions.client(request.getHeader("Sforce-Call-Options")),
            CallOptions.autoAssign(request.getHeader("Sforce-Auto-Assign")));
    String[] segments = path.group(2).split("/");
    String method = request.getMethod();
    return switch (segments[0]) {
      case "query" -> {
        require(method, "GET");
        yield segments.length == 1
            ? query.query(
                call, request.getParameter("q"), request.getHeader("Sforce-Query-Options"))
            : query.more(call, segments[1]);
      }
      case "sobjects" -> sobject(call, method, segments, request);
      case "composite" -> {
        if (segments.length != 2 || !segments[1].equals("sobjects")) {
          throw RestError.notFound();
        }
        if (!method.equals("POST") && !method.equals("PATCH")) {
          throw methodNotAllowed(method);
        }
        yield collections.write(call, body(request), method.equals("POST"));
      }
      default -> throw RestError.notFound();
    };
  }

  private Reply sobject(Call call, String method, String[] segments, HttpServletRequest request)
      throws IOException {
    if (segments.length == 2) {
      require(method, "POST");
      return sobjects.create(call, segments[1], body(request));
    }
    if (segments.length != 3) {
      throw RestError.notFound();
    }
    return switch (method) {
      case "GET" -> sobjects.get(call, segments[1], segments[2]);
      case "PATCH" -> sobjects.update(call, segments[1], segments[2], body(request));
      case "DELETE" -> sobjects.delete(call, segments[1], segments[2]);
      default -> throw methodNotAllowed(method);
    };
  }

  private Map<String, Object> body(HttpServletRequest request) throws IOException {
    try {
      return json.readValue(request.getInputStream(), new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new RestError(400, "JSON_PARSER_ERROR", e.getOriginalMessage());
    }
  }

  private static void require(String method, String expected) {
    if (!method.equals(expected)) {
      throw methodNotAllowed(method);
    }
  }

  private static RestError methodNotAllowed(String method) {
    return new RestError(
        405,
        "METHOD_NOT_ALLOWED",
        "HTTP Method '" + method + "' not allowed. Allowed are GET,PATCH,POST,DELETE");
  }
}

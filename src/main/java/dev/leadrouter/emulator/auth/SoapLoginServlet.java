package dev.leadrouter.emulator.auth;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.xml.SafeXml;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SOAP partner API's {@code login()} at {@code POST /services/Soap/u/<version>}, as force-wsc's
 * {@code Connector.newConnection} calls it. Only API 64.0 and older serve it (Salesforce removed
 * SOAP login from newer versions). The session it opens works for REST, streaming and Bulk alike.
 * Nothing else of the SOAP API is served.
 */
public final class SoapLoginServlet extends HttpServlet {

  /** The newest API version whose SOAP endpoint still accepts login(). */
  static final BigDecimal NEWEST_LOGIN_VERSION = new BigDecimal("64.0");

  private static final String PARTNER_NS = "urn:partner.soap.sforce.com";
  private static final Pattern PATH = Pattern.compile("/(\\d+\\.\\d)/?");
  private static final String INVALID_LOGIN =
      "Invalid username, password, security token; or user locked out.";

  private final transient Org org;
  private final transient Sessions sessions;
  private final transient Supplier<URI> instanceUrl;

  /**
   * @param instanceUrl the org's URL, known only once the server listens
   */
  public SoapLoginServlet(Org org, Sessions sessions, Supplier<URI> instanceUrl) {
    this.org = org;
    this.sessions = sessions;
    this.instanceUrl = instanceUrl;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PATH.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
    if (!path.matches()) {
      response.sendError(404);
      return;
    }
    String version = path.group(1);
    if (new BigDecimal(version).compareTo(NEWEST_LOGIN_VERSION) > 0) {
      fault(
          response,
          "UNSUPPORTED_API_VERSION",
          "Invalid Api version specified on URL",
          "UnexpectedErrorFault");
      return;
    }
    Optional<Credentials> credentials = credentials(SafeXml.body(request));
    if (credentials.isEmpty()) {
      fault(response, "INVALID_LOGIN", INVALID_LOGIN, "LoginFault");
      return;
    }
    Optional<String> userId =
        org.signIn(credentials.get().username(), credentials.get().password());
    if (userId.isEmpty()) {
      fault(response, "INVALID_LOGIN", INVALID_LOGIN, "LoginFault");
      return;
    }
    Session session = sessions.open(userId.get(), "soap-login");
    write(response, 200, loginResponse(version, session));
  }

  private String loginResponse(String version, Session session) {
    String instance = instanceUrl.get().toString();
    String orgId = sessions.orgId();
    return envelope(
        "<loginResponse><result>"
            + element("metadataServerUrl", instance + "/services/Soap/m/" + version + "/" + orgId)
            + element("passwordExpired", "false")
            + element("sandbox", "false")
            + element("serverUrl", instance + "/services/Soap/u/" + version + "/" + orgId)
            + element("sessionId", session.accessToken())
            + element("userId", session.userId())
            + "</result></loginResponse>",
        "xmlns=\"" + PARTNER_NS + "\"");
  }

  /** A SOAP fault as an org sends it: HTTP 500, {@code sf:<code>}, a typed detail. */
  private static void fault(
      HttpServletResponse response, String code, String message, String faultType)
      throws IOException {
    String body =
        envelope(
            "<soapenv:Fault><faultcode>sf:"
                + code
                + "</faultcode><faultstring>"
                + code
                + ": "
                + escape(message)
                + "</faultstring><detail><sf:"
                + faultType
                + " xsi:type=\"sf:"
                + faultType
                + "\"><sf:exceptionCode>"
                + code
                + "</sf:exceptionCode><sf:exceptionMessage>"
                + escape(message)
                + "</sf:exceptionMessage></sf:"
                + faultType
                + "></detail></soapenv:Fault>",
            "xmlns:sf=\"urn:fault.partner.soap.sforce.com\"");
    write(response, 500, body);
  }

  private static String envelope(String body, String namespace) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
        + namespace
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
        + body
        + "</soapenv:Body></soapenv:Envelope>";
  }

  private static void write(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/xml;charset=UTF-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String element(String name, String value) {
    return SafeXml.element(name, value);
  }

  private static String escape(String text) {
    return SafeXml.escape(text);
  }

  private record Credentials(String username, String password) {}

  /** The username and password of a login envelope; empty when it is not one. */
  private static Optional<Credentials> credentials(InputStream body) throws IOException {
    return SafeXml.parse(body)
        .flatMap(
            envelope ->
                SafeXml.text(envelope, PARTNER_NS, "username")
                    .flatMap(
                        username ->
                            SafeXml.text(envelope, PARTNER_NS, "password")
                                .map(password -> new Credentials(username, password))));
  }
}

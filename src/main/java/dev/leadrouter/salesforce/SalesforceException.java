package dev.leadrouter.salesforce;

import dev.leadrouter.config.SecureTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * A failed call to Salesforce: the HTTP status (0 when no response arrived), the errors Salesforce
 * listed, and what to do about it. The message is built from Salesforce's codes and texts only,
 * never from request headers or bodies, so it cannot carry a token or secret.
 */
public final class SalesforceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final List<SalesforceError> errors;
  private final ErrorKind kind;

  /** An error response, classified by {@link ErrorKind#of}. */
  public SalesforceException(int httpStatus, List<SalesforceError> errors) {
    this(httpStatus, errors, ErrorKind.of(httpStatus, errors), null);
  }

  /** An error response whose kind the caller already knows (e.g. a failed sign-in is AUTH). */
  public SalesforceException(int httpStatus, List<SalesforceError> errors, ErrorKind kind) {
    this(httpStatus, errors, kind, null);
  }

  private SalesforceException(
      int httpStatus, List<SalesforceError> errors, ErrorKind kind, Throwable cause) {
    super(describe(httpStatus, errors), cause);
    this.httpStatus = httpStatus;
    this.errors = List.copyOf(errors);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * No response arrived. Timeouts, refused connections and resets are worth retrying; a TLS failure
   * (certificate, protocol) will not go away by itself.
   */
  public static SalesforceException transport(IOException cause) {
    return transport(cause, null);
  }

  /**
   * As {@link #transport(IOException)}, for a call to {@code server}: a refused certificate is said
   * to be one ({@code UNTRUSTED_CERTIFICATE}), naming the host and nothing of the request.
   */
  public static SalesforceException transport(IOException cause, URI server) {
    Optional<String> untrusted =
        server == null ? Optional.empty() : SecureTransport.untrustedCertificate(cause, server);
    if (untrusted.isPresent()) {
      return new SalesforceException(
          0,
          List.of(new SalesforceError("UNTRUSTED_CERTIFICATE", untrusted.get(), List.of())),
          ErrorKind.PERMANENT,
          cause);
    }
    ErrorKind kind = cause instanceof SSLException ? ErrorKind.PERMANENT : ErrorKind.RETRYABLE;
    String code =
        cause instanceof HttpTimeoutException
            ? "TIMEOUT"
            : cause instanceof ConnectException ? "CONNECTION_FAILED" : "TRANSPORT_ERROR";
    String message = cause.getClass().getSimpleName();
    return new SalesforceException(
        0, List.of(new SalesforceError(code, message, List.of())), kind, cause);
  }

  /** The HTTP status of the response, or 0 when none arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The errors Salesforce listed; may be empty when the body was not an error envelope. */
  public List<SalesforceError> errors() {
    return errors;
  }

  /** What to do about this failure. */
  public ErrorKind kind() {
    return kind;
  }

  private static String describe(int httpStatus, List<SalesforceError> errors) {
    String status = httpStatus == 0 ? "no response" : "HTTP " + httpStatus;
    if (errors.isEmpty()) {
      return status;
    }
    return status
        + ": "
        + errors.stream().map(SalesforceError::toString).collect(Collectors.joining("; "));
  }
}

package dev.leadrouter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalesforceErrorsTest {

  private final ErrorEnvelope envelope = new ErrorEnvelope(new ObjectMapper());

  @Test
  void readsTheRestEnvelope() {
    List<SalesforceError> errors = envelope.parse(Fixtures.read("error-invalid-field.json"));

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo("INVALID_FIELD");
    assertThat(errors.get(0).message()).contains("No such column 'Foo' on entity 'Lead'");
    assertThat(errors.get(0).fields()).isEmpty();
    assertThat(ErrorKind.of(400, errors)).isEqualTo(ErrorKind.PERMANENT);
  }

  @Test
  void readsCollectionsErrorsWithStatusCode() throws IOException {
    var results = new ObjectMapper().readTree(Fixtures.read("collections-update-mixed.json"));

    List<SalesforceError> errors = ErrorEnvelope.errors(results.get(1).get("errors"));

    assertThat(errors)
        .containsExactly(
            new SalesforceError(
                "MALFORMED_ID",
                "Lead ID: id value of incorrect type: 001xx000003DGb2999",
                List.of("Id")));
  }

  @Test
  void bodiesThatAreNotAnEnvelopeYieldNoErrors() {
    assertThat(envelope.parse("<html><body>Service Unavailable</body></html>")).isEmpty();
    assertThat(envelope.parse("")).isEmpty();
    assertThat(envelope.parse(null)).isEmpty();
    assertThat(envelope.parse("{\"error\":\"x\"}")).isEmpty();
    assertThat(envelope.parse("[1, \"x\", {}]"))
        .containsExactly(new SalesforceError("", "", List.of()));
  }

  @ParameterizedTest
  @CsvSource({
    "200, UNABLE_TO_LOCK_ROW, RETRYABLE",
    "400, UNABLE_TO_LOCK_ROW, RETRYABLE",
    "503, '', RETRYABLE",
    "502, '', RETRYABLE",
    "504, '', RETRYABLE",
    "429, '', RETRYABLE",
    "503, SOMETHING_NEW, RETRYABLE",
    "403, REQUEST_LIMIT_EXCEEDED, BUDGET",
    "401, INVALID_SESSION_ID, AUTH",
    "401, '', AUTH",
    "500, INVALID_SESSION_ID, AUTH",
    "400, INVALID_FIELD, PERMANENT",
    "400, FIELD_CUSTOM_VALIDATION_EXCEPTION, PERMANENT",
    "200, ENTITY_IS_DELETED, PERMANENT",
    "200, INVALID_CROSS_REFERENCE_KEY, PERMANENT",
    "400, MALFORMED_ID, PERMANENT",
    "400, REQUIRED_FIELD_MISSING, PERMANENT",
    "200, DUPLICATES_DETECTED, PERMANENT",
    "400, FIELD_INTEGRITY_EXCEPTION, PERMANENT",
    "503, INVALID_FIELD, PERMANENT",
    "400, SOMETHING_NEW, PERMANENT",
    "500, '', PERMANENT",
    "404, NOT_FOUND, PERMANENT"
  })
  void classifiesOnce(int status, String code, ErrorKind expected) {
    List<SalesforceError> errors =
        code.isEmpty() ? List.of() : List.of(new SalesforceError(code, "text", List.of()));

    assertThat(ErrorKind.of(status, errors)).isEqualTo(expected);
    assertThat(new SalesforceException(status, errors).kind()).isEqualTo(expected);
  }

  @Test
  void envelopeFixturesClassifyAsDocumented() {
    assertThat(kindOf(401, "error-invalid-session.json")).isEqualTo(ErrorKind.AUTH);
    assertThat(kindOf(403, "error-request-limit.json")).isEqualTo(ErrorKind.BUDGET);
    assertThat(kindOf(400, "error-unable-to-lock-row.json")).isEqualTo(ErrorKind.RETRYABLE);
  }

  @Test
  void transportFailuresAreRetryableExceptTls() {
    assertThat(SalesforceException.transport(new HttpTimeoutException("request timed out")).kind())
        .isEqualTo(ErrorKind.RETRYABLE);
    assertThat(SalesforceException.transport(new ConnectException("refused")).kind())
        .isEqualTo(ErrorKind.RETRYABLE);
    assertThat(SalesforceException.transport(new IOException("Connection reset")).kind())
        .isEqualTo(ErrorKind.RETRYABLE);
    assertThat(SalesforceException.transport(new SSLHandshakeException("bad cert")).kind())
        .isEqualTo(ErrorKind.PERMANENT);
    assertThat(SalesforceException.transport(new HttpTimeoutException("t")).httpStatus()).isZero();
  }

  @Test
  void messageNamesStatusAndCodes() {
    SalesforceException e =
        new SalesforceException(
            403,
            List.of(new SalesforceError("REQUEST_LIMIT_EXCEEDED", "TotalRequests", List.of())));

    assertThat(e)
        .hasMessage("HTTP 403: REQUEST_LIMIT_EXCEEDED: TotalRequests")
        .extracting(SalesforceException::errors)
        .asList()
        .hasSize(1);
    assertThat(new SalesforceException(503, List.of())).hasMessage("HTTP 503");
  }

  private ErrorKind kindOf(int status, String fixture) {
    return new SalesforceException(status, envelope.parse(Fixtures.read(fixture))).kind();
  }
}

package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.security.cert.CertPathValidatorException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class SecureTransportTest {

  @Test
  void httpsIsAllowedEverywhereAndPlainHttpOnlyOnLoopback() {
    assertThat(SecureTransport.allows(URI.create("https://acme.my.salesforce.com"))).isTrue();
    assertThat(SecureTransport.allows(URI.create("http://127.0.0.1:8080"))).isTrue();
    assertThat(SecureTransport.allows(URI.create("http://127.10.0.1"))).isTrue();
    assertThat(SecureTransport.allows(URI.create("http://LOCALHOST:1"))).isTrue();
    assertThat(SecureTransport.allows(URI.create("http://[::1]:8080"))).isTrue();

    assertThat(SecureTransport.allows(URI.create("http://example.com"))).isFalse();
    assertThat(SecureTransport.allows(URI.create("http://127.0.0.1.nip.io"))).isFalse();
    assertThat(SecureTransport.allows(URI.create("http://localhost.example.com"))).isFalse();
    assertThat(SecureTransport.allows(URI.create("http://192.168.1.10"))).isFalse();
    assertThat(SecureTransport.allows(URI.create("ftp://127.0.0.1"))).isFalse();
  }

  @Test
  void namesARefusedCertificateFoundAnywhereAmongTheCauses() {
    IOException refused =
        new IOException(
            "handshake failed",
            new SSLHandshakeException(
                "PKIX path building failed: unable to find valid"
                    + " certification path to requested target"));
    refused.getCause().initCause(new CertPathValidatorException("not trusted"));

    assertThat(SecureTransport.untrustedCertificate(refused, URI.create("https://crm.example:443")))
        .get()
        .asString()
        .startsWith("the TLS certificate of crm.example is not trusted");
  }

  @Test
  void otherFailuresAreNotCalledCertificateProblems() {
    assertThat(
            SecureTransport.untrustedCertificate(
                new ConnectException("Connection refused"), URI.create("https://crm.example")))
        .isEmpty();
    assertThat(
            SecureTransport.untrustedCertificate(
                new SSLHandshakeException("Received fatal alert: protocol_version"), null))
        .isEmpty();
  }

  @Test
  void theClientsItBuildsCheckHostNames() {
    assertThat(
            SecureTransport.httpClient()
                .build()
                .sslParameters()
                .getEndpointIdentificationAlgorithm())
        .isEqualTo("HTTPS");
  }
}

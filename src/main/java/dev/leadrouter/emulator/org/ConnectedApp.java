package dev.leadrouter.emulator.org;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * A connected app that may sign in: its consumer key and secret, the integration user its tokens
 * act as (for client credentials the "Run As" user, for JWT bearer the expected {@code sub}), and
 * the X.509 certificate uploaded with "Use digital signatures", against which JWT bearer assertions
 * are verified. An app without a certificate cannot use the JWT bearer flow.
 */
public record ConnectedApp(
    String clientId, String clientSecret, String username, Optional<X509Certificate> certificate) {

  public ConnectedApp {
    Objects.requireNonNull(clientId, "client_id");
    Objects.requireNonNull(clientSecret, "client_secret");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(certificate, "certificate");
  }

  public ConnectedApp(String clientId, String clientSecret, String username) {
    this(clientId, clientSecret, username, Optional.empty());
  }

  /**
   * Reads a PEM certificate ({@code -----BEGIN CERTIFICATE-----}) as a seed file holds it.
   *
   * @throws IllegalArgumentException when the text is no X.509 certificate
   */
  public static X509Certificate certificate(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException("not an X.509 certificate in PEM form", e);
    }
  }

  @Override
  public String toString() {
    return "ConnectedApp[clientId=" + clientId + ", username=" + username + "]";
  }
}

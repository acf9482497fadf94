package dev.leadrouter.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The one place that decides how Lead Router talks TLS to an org and to the services beside it
 * (enrichment, webhooks): certificates checked against the JVM's trust store, host names checked
 * against the certificate, and plain {@code http://} only for a loopback address, where the
 * emulator runs. Nothing in the code offers a switch to loosen this; ArchitectureTest keeps it so.
 */
public final class SecureTransport {

  /** What a settings problem says about a plain-http address. */
  public static final String PLAIN_HTTP_REFUSED =
      "must use https:// (plain http:// is allowed only for a loopback address such as"
          + " http://127.0.0.1, where the emulator runs)";

  private static final int MAX_CAUSES = 20;
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private SecureTransport() {}

  /**
   * Whether {@code url} may be used: https anywhere, http only to a loopback host. The host is
   * judged by how it is written, never by resolving it, so a DNS answer cannot make a remote host
   * look local.
   */
  public static boolean allows(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()));
  }

  /** {@code localhost}, {@code 127.x.x.x} or {@code ::1}, as written in a URL. */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    return bare.equals("localhost")
        || IPV4_LOOPBACK.matcher(bare).matches()
        || bare.equals("::1")
        || bare.equals("0:0:0:0:0:0:0:1");
  }

  /**
   * A JDK HTTP client builder whose TLS trusts only the JVM's trust store and always checks the
   * host name. Setting the endpoint identification here, rather than leaving it to the JDK's
   * default, keeps it on even if {@code jdk.internal.httpclient.disableHostnameVerification} is
   * set.
   */
  public static HttpClient.Builder httpClient() {
    return HttpClient.newBuilder()
        .sslContext(verifyingContext())
        .sslParameters(verifyingParameters());
  }

  /** The JVM's default TLS context: its trust store, no trust-all manager. */
  public static SSLContext verifyingContext() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException noTls) {
      throw new IllegalStateException("this JVM offers no TLS", noTls);
    }
  }

  /** Parameters that make the handshake check the host name against the certificate. */
  public static SSLParameters verifyingParameters() {
    SSLParameters parameters = verifyingContext().getDefaultSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    return parameters;
  }

  /**
   * When {@code failure} (or a cause) is a refused certificate, a sentence saying so, for the error
   * a client reports; empty for any other failure. {@code server} (null when unknown) gives the
   * host name to show.
   */
  public static Optional<String> untrustedCertificate(Throwable failure, URI server) {
    Throwable cause = failure;
    // Bounded: a cause chain may loop back on itself.
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if (cause instanceof CertPathBuilderException
          || cause instanceof CertPathValidatorException
          || cause instanceof CertificateException
          || cause instanceof SSLPeerUnverifiedException
          || (cause instanceof SSLHandshakeException handshake && mentionsCertificate(handshake))
          || (cause instanceof GeneralSecurityException && mentionsCertificate(cause))) {
        return Optional.of(
            "the TLS certificate of "
                + (server == null || server.getHost() == null ? "the server" : server.getHost())
                + " is not trusted (not signed by a trusted authority, or not issued for that"
                + " host name); Lead Router does not connect without verifying it");
      }
    }
    return Optional.empty();
  }

  private static boolean mentionsCertificate(Throwable failure) {
    String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("certif")
        || message.contains("pkix")
        || message.contains("subject alternative")
        || message.contains("no name matching");
  }
}

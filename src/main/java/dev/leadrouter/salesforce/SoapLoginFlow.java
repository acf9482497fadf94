package dev.leadrouter.salesforce;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.SecureTransport;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Legacy sign-in: username and password (with the security token appended) through the SOAP partner
 * API's {@code login()}, as force-wsc does it. Kept only for orgs that still allow it: Salesforce
 * limits SOAP login to API 64.0 and older and retires it in Summer '27, so the login call uses at
 * most 64.0 while the session serves any REST version. Prefer JWT or client credentials.
 */
final class SoapLoginFlow implements AccessTokenSource {

  /** The newest API version whose SOAP endpoint still accepts login(). */
  static final String NEWEST_LOGIN_VERSION = "64.0";

  private final URI loginUrl;
  private final String username;
  private final Secret password;
  private final String loginVersion;
  private final Clock clock;

  SoapLoginFlow(URI loginUrl, String username, Secret password, String apiVersion, Clock clock) {
    this.loginUrl = Objects.requireNonNull(loginUrl, "loginUrl");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.loginVersion =
        new BigDecimal(apiVersion).compareTo(new BigDecimal(NEWEST_LOGIN_VERSION)) > 0
            ? NEWEST_LOGIN_VERSION
            : apiVersion;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AccessToken token() {
    ConnectorConfig config = new ConnectorConfig();
    String endpoint =
        loginUrl.toString().replaceAll("/+$", "") + "/services/Soap/u/" + loginVersion;
    config.setAuthEndpoint(endpoint);
    config.setServiceEndpoint(endpoint);
    config.setManualLogin(true);
    config.setTraceMessage(false);
    // Our own verifying context rather than whatever the JVM-wide HTTPS default was set to.
    config.setSslContext(SecureTransport.verifyingContext());
    try {
      PartnerConnection connection = Connector.newConnection(config);
      LoginResult result = connection.login(username, password.reveal());
      URI server = URI.create(result.getServerUrl());
      URI instance = URI.create(server.getScheme() + "://" + server.getRawAuthority());
      if (!SecureTransport.allows(instance)) {
        throw new SalesforceException(
            200,
            List.of(
                new SalesforceError(
                    "INSECURE_INSTANCE_URL",
                    "the login answer names a server URL without https: "
                        + instance.getScheme()
                        + "://"
                        + instance.getHost(),
                    List.of())),
            ErrorKind.AUTH);
      }
      return new AccessToken(result.getSessionId(), instance, clock.instant());
    } catch (ApiFault fault) {
      String code =
          fault.getExceptionCode() == null ? "LOGIN_FAILED" : fault.getExceptionCode().name();
      throw new SalesforceException(
          500,
          List.of(new SalesforceError(code, masked(fault.getExceptionMessage()), List.of())),
          ErrorKind.AUTH);
    } catch (ConnectionException failure) {
      Optional<String> untrusted =
          SecureTransport.untrustedCertificate(failure, URI.create(endpoint));
      if (untrusted.isPresent()) {
        throw new SalesforceException(
            0,
            List.of(new SalesforceError("UNTRUSTED_CERTIFICATE", untrusted.get(), List.of())),
            ErrorKind.PERMANENT);
      }
      throw new SalesforceException(
          0,
          List.of(new SalesforceError("CONNECTION", masked(failure.getMessage()), List.of())),
          ErrorKind.RETRYABLE);
    }
  }

  @Override
  public AccessToken refresh(AccessToken stale) {
    return token();
  }

  private String masked(String message) {
    return message == null ? "" : message.replace(password.reveal(), "****");
  }
}

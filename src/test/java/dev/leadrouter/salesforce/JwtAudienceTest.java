package dev.leadrouter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JWT audience, per "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration" in Salesforce
 * Help: https://login.salesforce.com, https://test.salesforce.com, or the Experience Cloud site
 * URL.
 */
class JwtAudienceTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://login.salesforce.com, https://login.salesforce.com",
    "https://login.salesforce.com/, https://login.salesforce.com",
    "https://acme.my.salesforce.com, https://login.salesforce.com",
    "https://test.salesforce.com, https://test.salesforce.com",
    "https://acme--uat.sandbox.my.salesforce.com, https://test.salesforce.com",
    "https://acme.force.com/customers, https://acme.force.com/customers",
    "http://127.0.0.1:41234, https://login.salesforce.com",
  })
  void namesTheAuthorizationServer(String loginUrl, String audience) {
    assertThat(JwtAudience.of(URI.create(loginUrl))).isEqualTo(audience);
  }
}

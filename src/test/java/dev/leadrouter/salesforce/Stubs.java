package dev.leadrouter.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** WireMock answers built from the documented fixtures. */
final class Stubs {

  private static final String FIXTURE_INSTANCE = "https://acme.my.salesforce.com";

  private Stubs() {}

  /** A 200 JSON answer; the fixture's org URL is replaced with WireMock's, so links lead back. */
  static ResponseDefinitionBuilder okJson(String fixture, String baseUrl) {
    return json(200, fixture, baseUrl);
  }

  static ResponseDefinitionBuilder json(int status, String fixture, String baseUrl) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(Fixtures.read(fixture).replace(FIXTURE_INSTANCE, baseUrl));
  }
}

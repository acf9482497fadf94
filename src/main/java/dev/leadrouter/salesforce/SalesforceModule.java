package dev.leadrouter.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.SecureTransport;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Wires the Salesforce client: the sign-in flow chosen in {@link SalesforceSettings}, shared behind
 * a {@link SingleFlightTokenSource}; the named retry policies; one {@link ApiBudget}; and the
 * {@link RestClient} and {@link BulkClient}. Needs {@link SalesforceSettings} and a {@link Clock}
 * bound elsewhere.
 */
public final class SalesforceModule extends AbstractModule {

  private final SalesforceClientSettings client;
  private final BulkPolling bulkPolling;
  private final ObjectMapper json = SalesforceJson.mapper();

  /** With production timeouts and retry policy. */
  public SalesforceModule() {
    this(SalesforceClientSettings.defaults(), BulkPolling.defaults());
  }

  public SalesforceModule(SalesforceClientSettings client) {
    this(client, BulkPolling.defaults());
  }

  public SalesforceModule(SalesforceClientSettings client, BulkPolling bulkPolling) {
    this.client = Objects.requireNonNull(client, "client");
    this.bulkPolling = Objects.requireNonNull(bulkPolling, "bulkPolling");
  }

  @Override
  protected void configure() {
    bind(ApiBudget.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  RetryRegistry retryRegistry() {
    return RetryPolicies.registry(client);
  }

  @Provides
  @Singleton
  @Named(RetryPolicies.TRANSIENT)
  Retry transientRetry(RetryRegistry registry) {
    return registry.retry(RetryPolicies.TRANSIENT, RetryPolicies.TRANSIENT);
  }

  @Provides
  @Singleton
  @Named(RetryPolicies.BUDGET)
  Retry budgetRetry(RetryRegistry registry) {
    return registry.retry(RetryPolicies.BUDGET, RetryPolicies.BUDGET);
  }

  @Provides
  @Singleton
  @Named("salesforce")
  HttpClient httpClient() {
    return SecureTransport.httpClient()
        .connectTimeout(client.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Provides
  @Singleton
  AccessTokenSource accessTokenSource(
      SalesforceSettings settings, @Named("salesforce") HttpClient http, Clock clock) {
    List<String> missing = settings.missingCredentials();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Salesforce sign-in needs " + String.join(", ", missing));
    }
    TokenEndpoint endpoint = new TokenEndpoint(http, json, clock, client.requestTimeout());
    AccessTokenSource signIn =
        switch (settings.auth()) {
          case JWT ->
              new JwtBearerFlow(
                  endpoint,
                  json,
                  settings.loginUrl(),
                  settings.clientId().orElseThrow(),
                  settings.username().orElseThrow(),
                  PemPrivateKey.read(settings.privateKeyFile().orElseThrow()),
                  clock);
          case CLIENT_CREDENTIALS ->
              new ClientCredentialsFlow(
                  endpoint,
                  settings.loginUrl(),
                  settings.clientId().orElseThrow(),
                  settings.clientSecret().orElseThrow());
          case SOAP_PASSWORD ->
              new SoapLoginFlow(
                  settings.loginUrl(),
                  settings.username().orElseThrow(),
                  settings.password().orElseThrow(),
                  settings.apiVersion(),
                  clock);
        };
    return new SingleFlightTokenSource(signIn);
  }

  @Provides
  @Singleton
  RestClient restClient(
      @Named("salesforce") HttpClient http,
      AccessTokenSource tokens,
      ApiBudget budget,
      SalesforceSettings settings,
      @Named(RetryPolicies.TRANSIENT) Retry transientRetry,
      @Named(RetryPolicies.BUDGET) Retry budgetRetry) {
    return new HttpRestClient(
        http,
        tokens,
        budget,
        json,
        settings.apiVersion(),
        settings.callOptionsClient(),
        client.requestTimeout(),
        transientRetry,
        budgetRetry);
  }

  @Provides
  @Singleton
  BulkClient bulkClient(
      AccessTokenSource tokens,
      SalesforceSettings settings,
      @Named(RetryPolicies.TRANSIENT) Retry transientRetry) {
    return new ForceWscBulkClient(
        tokens,
        json,
        settings.apiVersion(),
        settings.callOptionsClient(),
        transientRetry,
        bulkPolling.retry());
  }
}

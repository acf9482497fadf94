package dev.leadrouter.config;

/** How the worker signs in to Salesforce; spelled in the configuration as in brackets. */
public enum AuthMethod {
  /** OAuth 2.0 JWT bearer flow with a private key ({@code jwt}). */
  JWT,
  /** OAuth 2.0 client credentials flow ({@code client-credentials}). */
  CLIENT_CREDENTIALS,
  /** SOAP {@code login()} with username and password ({@code soap-password}). */
  SOAP_PASSWORD
}

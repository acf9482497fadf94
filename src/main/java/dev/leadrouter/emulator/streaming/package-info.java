/**
 * The streaming part of the local org emulator: a real CometD server at {@code /cometd/<version>}
 * with Salesforce's replay semantics, token check and error strings, so clients cannot tell it from
 * an org.
 */
package dev.leadrouter.emulator.streaming;

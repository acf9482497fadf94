/**
 * A local Salesforce org that speaks the real wire protocols, for the demo, tests and benchmarks.
 */
package dev.leadrouter.emulator;

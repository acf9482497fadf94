/**
 * The emulated org's data: records per sObject type, seeded from a file, with ids and system fields
 * as Salesforce sets them.
 */
package dev.leadrouter.emulator.org;

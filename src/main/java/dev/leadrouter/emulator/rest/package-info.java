/**
 * The emulated org's REST API (query, sObject and sObject Collections with Salesforce's headers)
 * and Bulk API 1.0, which shares REST's write path so both publish change events in one commit
 * order.
 */
package dev.leadrouter.emulator.rest;

/**
 * The emulated org's REST API: query, sObject and sObject Collections with Salesforce's headers.
 */
package dev.leadrouter.emulator.rest;

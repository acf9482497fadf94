/** Change Data Capture events for the emulated org's own writes. */
package dev.leadrouter.emulator.cdc;

/** The subset of SOQL the emulated org runs: one object, WHERE, ORDER BY, LIMIT. */
package dev.leadrouter.emulator.soql;

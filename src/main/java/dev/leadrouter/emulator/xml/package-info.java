/** XML for the emulator's SOAP and Bulk endpoints: parsing untrusted bodies safely. */
package dev.leadrouter.emulator.xml;

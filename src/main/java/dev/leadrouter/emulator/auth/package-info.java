/** The emulated org's sign-in: OAuth token endpoint and the sessions its tokens name. */
package dev.leadrouter.emulator.auth;

package dev.leadrouter.cli;

import dev.leadrouter.emulator.generator.OrgConnection;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import java.net.URI;

/**
 * How the demo and the chaos bench sign in to the in-process demo org: as its seeded connected app,
 * on the org's own host (client credentials are served only there).
 */
final class DemoOrgConnection {

  static final String API_VERSION = "62.0";

  private DemoOrgConnection() {}

  static OrgConnection at(URI instance) {
    return new OrgConnection(
        instance,
        instance,
        DemoOrgGenerator.CLIENT_ID,
        DemoOrgGenerator.CLIENT_SECRET,
        API_VERSION);
  }
}

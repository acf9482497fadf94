package dev.leadrouter.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so it always matches the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = LeadRouterCli.class.getPackage().getImplementationVersion();
    return new String[] {"lead-router " + (version == null ? "(development build)" : version)};
  }
}

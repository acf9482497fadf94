package dev.leadrouter.config;

/** Where the routing rules are read from. */
public enum RulesSource {
  /** The Routing_*__mdt Custom Metadata records of the org. */
  ORG,
  /** A local YAML file, for development and golden tests. */
  FILE
}

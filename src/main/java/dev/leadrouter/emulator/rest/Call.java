package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.auth.Session;
import java.util.Optional;

/**
 * What a REST call brings besides its body: who calls, under which API version, the client name of
 * its Sforce-Call-Options, and whether assignment rules run.
 */
record Call(Session session, String version, Optional<String> client, boolean autoAssign) {

  /** The REST path of a record, as {@code attributes.url} gives it. */
  String recordUrl(String type, String id) {
    return "/services/data/v" + version + "/sobjects/" + type + "/" + id;
  }
}

package dev.leadrouter.emulator.rest;

/** A REST answer before it is written: status and a JSON body (null for none, as with 204). */
record Reply(int status, Object body) {

  static Reply ok(Object body) {
    return new Reply(200, body);
  }

  static Reply noContent() {
    return new Reply(204, null);
  }
}

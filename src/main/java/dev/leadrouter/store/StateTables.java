package dev.leadrouter.store;

import dev.leadrouter.config.Mode;

/**
 * Which rotation and load tables a decision reads and moves. Shadow decisions keep their own, so
 * they neither take live reps' turns nor always name the same rep (see V2__worker.sql).
 */
public enum StateTables {
  LIVE("team_rotation", "open_load"),
  SHADOW("shadow_team_rotation", "shadow_open_load");

  private final String rotation;
  private final String load;

  StateTables(String rotation, String load) {
    this.rotation = rotation;
    this.load = load;
  }

  /** The tables of decisions logged in {@code mode}. */
  public static StateTables of(Mode mode) {
    return mode == Mode.SHADOW ? SHADOW : LIVE;
  }

  String rotation() {
    return rotation;
  }

  String load() {
    return load;
  }
}

package dev.leadrouter.route;

/** How a team picks one of its available members. */
public enum Strategy {
  /** Each available member in turn. */
  ROUND_ROBIN,
  /**
   * In proportion to weight, where a member's effective weight is {@code weight x (1 - open load /
   * capacity)}; the highest accumulated credit wins, ties go to whoever is next in rotation.
   */
  WEIGHTED,
  /** The member with the lowest share of their capacity in use, while under the cap. */
  CAPACITY
}

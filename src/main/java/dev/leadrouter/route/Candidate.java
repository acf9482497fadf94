package dev.leadrouter.route;

/**
 * A team member who can take the lead now.
 *
 * @param rank the member's place in the rotation after whoever was assigned last (0 = next)
 */
record Candidate(TeamMember member, int rank, int openLoad) {

  /** {@code weight x (1 - open load / capacity)}: a member near their cap gets fewer leads. */
  double effectiveWeight() {
    return effectiveWeight(member, openLoad);
  }

  static double effectiveWeight(TeamMember member, int openLoad) {
    if (!member.hasCap()) {
      return member.weight();
    }
    double room = 1.0 - (double) openLoad / member.capacity();
    return Math.max(0.0, member.weight() * room);
  }
}

package dev.leadrouter.route;

import java.util.List;

/** Each available member in turn, starting after whoever got the last lead. */
final class RoundRobin implements AssignmentStrategy {

  @Override
  public Pick pick(List<Candidate> candidates, TeamRotation rotation) {
    return new Pick(AssignmentStrategy.nextInRotation(candidates), rotation.credits());
  }
}

package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Routing state held in memory, for the CLI, tests, dry runs and benchmarks. */
public final class InMemoryRoutingState implements RoutingState {

  private final Map<String, TeamRotation> rotations = new HashMap<>();
  private final Map<SalesforceId, Integer> loads = new HashMap<>();

  @Override
  public synchronized TeamRotation rotation(String team) {
    return rotations.getOrDefault(team, TeamRotation.START);
  }

  @Override
  public synchronized int openLoad(SalesforceId user) {
    return loads.getOrDefault(user, 0);
  }

  /** Sets a user's open load, e.g. from the org's count of their open leads. */
  public synchronized void setOpenLoad(SalesforceId user, int load) {
    loads.put(user, load);
  }

  @Override
  public synchronized void apply(List<StateChange> changes) {
    for (StateChange change : changes) {
      if (change instanceof StateChange.RotationMoved moved) {
        rotations.put(moved.team(), new TeamRotation(moved.assigned(), moved.credits()));
      } else if (change instanceof StateChange.LoadChanged load) {
        loads.merge(load.user(), load.delta(), (a, b) -> Math.max(0, a + b));
      }
    }
  }
}

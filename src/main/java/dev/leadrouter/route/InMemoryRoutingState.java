package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routing state held in memory, for the CLI, tests, dry runs and benchmarks. Reads are lock-free;
 * {@link #apply} is serialised so that a decision's changes land together.
 */
public final class InMemoryRoutingState implements RoutingState {

  private final Map<String, TeamRotation> rotations = new ConcurrentHashMap<>();
  private final Map<SalesforceId, Integer> loads = new ConcurrentHashMap<>();

  @Override
  public TeamRotation rotation(String team) {
    return rotations.getOrDefault(team, TeamRotation.START);
  }

  @Override
  public int openLoad(SalesforceId user) {
    return loads.getOrDefault(user, 0);
  }

  /** Sets a user's open load, e.g. from the org's count of their open leads. */
  public void setOpenLoad(SalesforceId user, int load) {
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

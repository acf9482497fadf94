package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.score.ScoreModel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything routing needs to decide, loaded and validated as one version: the active rules in
 * order, teams, territories, the reps and queues they name, scoring, and global policy.
 *
 * <p>Build one with {@link RuleSetValidator#validate}, which rejects a set that could strand a lead
 * or names something that does not exist.
 */
public record RuleSet(
    String version,
    List<RoutingRule> rules,
    Map<String, Team> teams,
    List<Territory> territories,
    Map<SalesforceId, Rep> reps,
    Map<SalesforceId, Queue> queues,
    RoutingPolicy policy,
    ScoreModel scoring) {

  public RuleSet {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(policy, "policy");
    rules = rules.stream().sorted(Comparator.comparingInt(RoutingRule::order)).toList();
    teams = Map.copyOf(teams);
    territories = List.copyOf(territories);
    reps = Map.copyOf(reps);
    queues = Map.copyOf(queues);
    scoring = scoring == null ? ScoreModel.EMPTY : scoring;
  }

  /** The queue as an owner, named when the rule set knows its name. */
  public Owner queueOwner(SalesforceId id) {
    Queue queue = queues.get(id);
    return queue == null ? Owner.queue(id, null) : queue.asOwner();
  }

  /** The user as an owner, named when the rule set knows the rep. */
  public Owner userOwner(SalesforceId id) {
    Rep rep = reps.get(id);
    return rep == null ? Owner.user(id, null) : rep.asOwner();
  }
}

package dev.leadrouter.cli;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code bench chaos} checks, read from the org rather than from the worker: its change log
 * (every owner write shows up as a Lead update whose {@code changeOrigin} names our client) and its
 * Task records. A decision goes out with its own {@code Routed_At__c}, so an owner write that does
 * not change it wrote a decision the org already had: a duplicated write.
 */
final class ChaosAudit {

  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> writes = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> decisions = new ConcurrentHashMap<>();
  private final Org org;
  private final String client;

  ChaosAudit(Org org, String callOptionsClient) {
    this.org = org;
    this.client = callOptionsClient;
  }

  /** Hears one change event from the org's change log. */
  void changeEvent(String channel, Map<String, Object> data) {
    LeadUpdate.of(channel, data).filter(update -> update.madeBy(client)).ifPresent(this::ourWrite);
  }

  private void ourWrite(LeadUpdate update) {
    Object routedAt = update.field("Routed_At__c");
    for (String leadId : update.leadIds()) {
      writes.merge(leadId, 1, Integer::sum);
      if (routedAt != null) {
        decisions
            .computeIfAbsent(leadId, ignored -> ConcurrentHashMap.newKeySet())
            .add(routedAt.toString());
      }
    }
  }

  /** A lead the generator created. */
  void created(String leadId) {
    created.add(leadId);
  }

  int createdCount() {
    return created.size();
  }

  /** Whether we wrote the lead's owner at least once. */
  boolean written(String leadId) {
    return writes.containsKey(leadId);
  }

  /** Created leads whose owner we wrote at least once. */
  long written() {
    return created.stream().filter(writes::containsKey).count();
  }

  /** Created leads the router never wrote an owner for. */
  long lost() {
    return created.size() - written();
  }

  /** Created leads with more owner writes than decisions written: a decision written twice. */
  long duplicatedWrites() {
    return created.stream()
        .filter(id -> writes.getOrDefault(id, 0) > decisions.getOrDefault(id, Set.of()).size())
        .count();
  }

  /** Created leads with more than one follow-up Task. */
  long duplicateTasks() {
    Map<String, Integer> tasks = tasksByLead();
    return tasks.values().stream().filter(count -> count > 1).count();
  }

  /** A few leads of each kind of failure, to look up in the worker's log. */
  Map<String, List<String>> examples() {
    Map<String, Integer> tasks = tasksByLead();
    Map<String, List<String>> examples = new java.util.LinkedHashMap<>();
    examples.put(
        "lost", created.stream().filter(id -> !writes.containsKey(id)).sorted().limit(5).toList());
    examples.put(
        "duplicated_writes",
        created.stream()
            .filter(id -> writes.getOrDefault(id, 0) > decisions.getOrDefault(id, Set.of()).size())
            .sorted()
            .limit(5)
            .toList());
    examples.put(
        "duplicate_tasks",
        tasks.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .sorted()
            .limit(5)
            .toList());
    return examples;
  }

  /** Created leads a rep (a user, not a queue) owns now that have no follow-up Task. */
  long repLeadsWithoutTask() {
    Map<String, Integer> tasks = tasksByLead();
    return created.stream()
        .filter(
            id ->
                org.data()
                    .find(SObjectType.LEAD, id)
                    .map(lead -> Objects.toString(lead.get("OwnerId"), "").startsWith("005"))
                    .orElse(false))
        .filter(id -> !tasks.containsKey(id))
        .count();
  }

  /** Follow-up Tasks on created leads. */
  long tasks() {
    return tasksByLead().values().stream().mapToLong(Integer::longValue).sum();
  }

  /** Created leads not yet written, as of now: a restarted worker's backlog. */
  List<String> unwritten() {
    return created.stream().filter(id -> !writes.containsKey(id)).toList();
  }

  private Map<String, Integer> tasksByLead() {
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    Set<String> leads = new HashSet<>(created);
    for (Map<String, Object> task : org.data().all(SObjectType.TASK)) {
      String who = Objects.toString(task.get("WhoId"), "");
      if (leads.contains(who)) {
        counts.merge(who, 1, Integer::sum);
      }
    }
    return counts;
  }
}

package dev.leadrouter.cli;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.OrgData;
import dev.leadrouter.emulator.org.SObjectType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the demo reports, measured from the org rather than from the worker's own counters: the
 * org's records (owner, routing fields, tasks) and its change log, where every write the worker
 * made shows up as an update whose {@code changeOrigin} names our client. A lead the worker never
 * wrote is lost; one it wrote more than once was routed twice.
 */
final class DemoAudit {

  private static final String UNTOUCHED = "Open - Not Contacted";

  /** When each lead was first written by us, from the change event's commit time. */
  private final Map<String, Instant> firstWrite = new ConcurrentHashMap<>();

  /** When each lead's Status first left "untouched" in an edit not ours: a rep's first touch. */
  private final Map<String, Instant> firstTouch = new ConcurrentHashMap<>();

  private final Map<String, Integer> writes = new ConcurrentHashMap<>();
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final Org org;
  private final String client;

  DemoAudit(Org org, String callOptionsClient) {
    this.org = org;
    this.client = callOptionsClient;
  }

  /** Hears one change event from the org's change log. */
  void changeEvent(String channel, Map<String, Object> data) {
    Optional<LeadUpdate> heard = LeadUpdate.of(channel, data);
    if (heard.isEmpty()) {
      return;
    }
    LeadUpdate update = heard.get();
    Instant at = update.committedAt();
    if (!update.madeBy(client)) {
      if (update.field("Status") instanceof String status && !UNTOUCHED.equals(status)) {
        for (String id : update.leadIds()) {
          firstTouch.putIfAbsent(id, at);
        }
      }
      return;
    }
    for (String id : update.leadIds()) {
      writes.merge(id, 1, Integer::sum);
      firstWrite.putIfAbsent(id, at);
    }
  }

  /** Created leads a rep touched after we wrote their owner. */
  long firstTouches() {
    return created.stream()
        .filter(id -> firstTouch.containsKey(id) && firstWrite.containsKey(id))
        .count();
  }

  /** Milliseconds from each touched lead's first owner write to its first touch, in order. */
  List<Long> timeToFirstTouchMillis() {
    List<Long> millis = new ArrayList<>();
    for (String id : created) {
      Instant touched = firstTouch.get(id);
      Instant written = firstWrite.get(id);
      if (touched != null && written != null) {
        millis.add(Math.max(0, touched.toEpochMilli() - written.toEpochMilli()));
      }
    }
    millis.sort(null);
    return millis;
  }

  /** A lead the generator created. */
  void created(String leadId) {
    created.add(leadId);
  }

  int createdCount() {
    return created.size();
  }

  /** Created leads whose owner we wrote at least once. */
  long written() {
    return created.stream().filter(writes::containsKey).count();
  }

  long lost() {
    return created.size() - written();
  }

  /** Created leads we wrote more than once. */
  long duplicates() {
    return created.stream().filter(id -> writes.getOrDefault(id, 0) > 1).count();
  }

  /** Milliseconds from each written lead's creation to its first owner write, in order. */
  List<Long> speedToLeadMillis() {
    List<Long> millis = new ArrayList<>();
    for (String id : created) {
      Instant written = firstWrite.get(id);
      if (written == null) {
        continue;
      }
      createdAt(id)
          .ifPresent(at -> millis.add(Math.max(0, written.toEpochMilli() - at.toEpochMilli())));
    }
    millis.sort(null);
    return millis;
  }

  /** Created leads by the rule the org shows on them ({@code Routing_Rule__c}). */
  Map<String, Long> byRule() {
    return countBy(lead -> Objects.toString(lead.get("Routing_Rule__c"), "(not routed)"));
  }

  /** Created leads by the name of the owner the org shows on them. */
  Map<String, Long> byOwner() {
    return countBy(lead -> ownerName(Objects.toString(lead.get("OwnerId"), "")));
  }

  /** Created leads written by us, by the owner's team ({@code teams} maps owner ids to teams). */
  Map<String, Long> byTeam(Function<String, String> teams) {
    Map<String, Long> counts = new TreeMap<>();
    for (String id : created) {
      if (!writes.containsKey(id)) {
        continue;
      }
      org.data()
          .find(SObjectType.LEAD, id)
          .ifPresent(
              lead ->
                  counts.merge(
                      teams.apply(Objects.toString(lead.get("OwnerId"), "")), 1L, Long::sum));
    }
    return counts;
  }

  /**
   * Follow-up tasks the org holds for the demo's leads. Zero until the SLA stage creates them; it
   * counts whatever Task the org shows on a demo lead, so it needs no change when that lands.
   */
  long slaTasks() {
    return org.data().all(SObjectType.TASK).stream()
        .filter(task -> created.contains(Objects.toString(task.get("WhoId"), "")))
        .count();
  }

  private Map<String, Long> countBy(Function<Map<String, Object>, String> key) {
    return created.stream()
        .map(id -> org.data().find(SObjectType.LEAD, id))
        .flatMap(Optional::stream)
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private String ownerName(String ownerId) {
    SObjectType type = ownerId.startsWith("00G") ? SObjectType.GROUP : SObjectType.USER;
    return org.data()
        .find(type, ownerId)
        .map(owner -> Objects.toString(owner.get("Name"), ownerId))
        .map(name -> type == SObjectType.GROUP ? name + " (queue)" : name)
        .orElse(ownerId);
  }

  private Optional<Instant> createdAt(String leadId) {
    return org.data()
        .find(SObjectType.LEAD, leadId)
        .map(lead -> (String) lead.get("CreatedDate"))
        .map(text -> OrgData.DATE_TIME.parse(text, Instant::from));
  }

  /** The value at {@code share} (0..1) of sorted {@code values}, nearest rank; 0 when empty. */
  static long percentile(List<Long> sorted, double share) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(share * sorted.size());
    return sorted.get(Math.min(sorted.size(), Math.max(1, rank)) - 1);
  }
}

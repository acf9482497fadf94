package dev.leadrouter.admin;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Owner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule change would move: the leads whose owner or rule differs between two dry runs over
 * the same leads, counted per rule transition and per owner.
 */
public record RuleDiff(
    String oldVersion,
    String newVersion,
    int leads,
    List<Move> moves,
    List<Transition> transitions,
    List<OwnerShift> owners) {

  /** One lead whose owner or deciding rule changes. */
  public record Move(
      String leadId, Owner oldOwner, Owner newOwner, String oldRule, String newRule) {

    public boolean ownerChanged() {
      return !oldOwner.id().equals(newOwner.id());
    }
  }

  /** Leads that move from one rule to another (the same rule when only the owner changes). */
  public record Transition(String oldRule, String newRule, int leads) {}

  /** Leads an owner would lose and gain. */
  public record OwnerShift(SalesforceId id, String name, int lost, int gained) {}

  /**
   * @param before and {@code after} one row per lead, the same leads (matched by id)
   */
  public static RuleDiff of(
      String oldVersion, String newVersion, List<DryRunRow> before, List<DryRunRow> after) {
    Map<String, DryRunRow> afterById = new HashMap<>(after.size() * 2);
    for (DryRunRow row : after) {
      afterById.put(row.leadId(), row);
    }
    List<Move> moves = new ArrayList<>();
    Map<List<String>, Integer> transitions = new LinkedHashMap<>();
    Map<SalesforceId, int[]> shifts = new HashMap<>();
    Map<SalesforceId, String> names = new HashMap<>();
    for (DryRunRow old : before) {
      DryRunRow now = afterById.get(old.leadId());
      if (now == null) {
        throw new IllegalArgumentException("lead " + old.leadId() + " is missing from one run");
      }
      boolean ownerChanged = !old.newOwner().id().equals(now.newOwner().id());
      if (!ownerChanged && Objects.equals(old.rule(), now.rule())) {
        continue;
      }
      moves.add(
          new Move(old.leadId(), old.newOwner(), now.newOwner(), old.ruleLabel(), now.ruleLabel()));
      transitions.merge(List.of(old.ruleLabel(), now.ruleLabel()), 1, Integer::sum);
      if (ownerChanged) {
        shifts.computeIfAbsent(old.newOwner().id(), id -> new int[2])[0]++;
        shifts.computeIfAbsent(now.newOwner().id(), id -> new int[2])[1]++;
        names.putIfAbsent(old.newOwner().id(), old.newOwner().name());
        names.putIfAbsent(now.newOwner().id(), now.newOwner().name());
      }
    }
    List<Transition> byTransition = new ArrayList<>();
    transitions.forEach(
        (key, count) -> byTransition.add(new Transition(key.get(0), key.get(1), count)));
    byTransition.sort(Comparator.comparingInt(Transition::leads).reversed());
    List<OwnerShift> owners = new ArrayList<>();
    shifts.forEach(
        (id, counts) -> owners.add(new OwnerShift(id, names.get(id), counts[0], counts[1])));
    owners.sort(
        Comparator.comparingInt((OwnerShift shift) -> Math.abs(shift.gained() - shift.lost()))
            .reversed()
            .thenComparing(shift -> shift.id().value()));
    return new RuleDiff(oldVersion, newVersion, before.size(), moves, byTransition, owners);
  }

  /** Leads whose owner changes (a lead may also move only between rules). */
  public int ownerChanges() {
    return (int) moves.stream().filter(Move::ownerChanged).count();
  }
}

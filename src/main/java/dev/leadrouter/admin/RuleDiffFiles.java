package dev.leadrouter.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a rule diff as {@code diff-rules.csv} (one row per lead that moves: {@code lead_id,
 * old_owner, new_owner, old_rule, new_rule}, owners as ids) and {@code diff-summary.json} (counts
 * per rule transition and per owner).
 */
public final class RuleDiffFiles {

  public static final String CSV = "diff-rules.csv";
  public static final String JSON = "diff-summary.json";

  private static final CsvSchema COLUMNS =
      CsvSchema.builder()
          .addColumn("lead_id")
          .addColumn("old_owner")
          .addColumn("new_owner")
          .addColumn("old_rule")
          .addColumn("new_rule")
          .build()
          .withHeader();

  public void write(RuleDiff diff, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<List<String>> rows = new ArrayList<>(diff.moves().size());
    for (RuleDiff.Move move : diff.moves()) {
      rows.add(
          List.of(
              move.leadId(),
              move.oldOwner().id().value(),
              move.newOwner().id().value(),
              move.oldRule(),
              move.newRule()));
    }
    Files.writeString(
        dir.resolve(CSV),
        new CsvMapper().writer(COLUMNS).writeValueAsString(rows),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(JSON), json(diff), StandardCharsets.UTF_8);
  }

  String json(RuleDiff diff) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("old_rule_set", diff.oldVersion());
    json.put("new_rule_set", diff.newVersion());
    json.put("leads", diff.leads());
    json.put("moved", diff.moves().size());
    json.put("owner_changed", diff.ownerChanges());
    List<Map<String, Object>> transitions = new ArrayList<>();
    for (RuleDiff.Transition transition : diff.transitions()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("old_rule", transition.oldRule());
      entry.put("new_rule", transition.newRule());
      entry.put("leads", transition.leads());
      transitions.add(entry);
    }
    json.put("by_rule", transitions);
    List<Map<String, Object>> owners = new ArrayList<>();
    for (RuleDiff.OwnerShift owner : diff.owners()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("owner_id", owner.id().value());
      entry.put("name", owner.name());
      entry.put("lost", owner.lost());
      entry.put("gained", owner.gained());
      owners.add(entry);
    }
    json.put("by_owner", owners);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
        + "\n";
  }
}

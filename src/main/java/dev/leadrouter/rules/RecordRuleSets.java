package dev.leadrouter.rules;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.leadrouter.config.InvalidRuleSetException;
import dev.leadrouter.config.RuleSetAssembler;
import dev.leadrouter.config.RuleSetDocument;
import dev.leadrouter.config.RuleSetProblem;
import dev.leadrouter.route.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a rule set from routing records, with the checks a YAML rule file gets, and more. */
public final class RecordRuleSets {

  private final RuleSetAssembler assembler = new RuleSetAssembler();

  /**
   * @param source where the records came from, for the error message (e.g. "the org")
   * @throws InvalidRuleSetException naming each wrong record by type and DeveloperName, and field
   */
  public LoadedRules assemble(RuleRecords records, String source) {
    RecordsToDocument.Result converted = RecordsToDocument.convert(records);
    List<RuleSetProblem> assemblerProblems = List.of();
    RuleSet ruleSet = null;
    try {
      ruleSet = assembler.assemble(converted.document(), source, "records@" + digest(records));
    } catch (InvalidRuleSetException invalid) {
      assemblerProblems = invalid.problems();
    }
    List<RuleSetProblem> problems =
        converted.origins().translate(converted.problems(), assemblerProblems);
    if (!problems.isEmpty() || ruleSet == null) {
      throw new InvalidRuleSetException(source, problems);
    }
    return new LoadedRules(ruleSet, converted.mode());
  }

  /** The records as the document a YAML rule file holds, unchecked: for writing them to a file. */
  public static RuleSetDocument document(RuleRecords records) {
    return RecordsToDocument.convert(records).document();
  }

  /** The same records give the same version, whatever order the org lists them in. */
  static String digest(RuleRecords records) {
    Hasher hasher = Hashing.sha256().newHasher();
    records.records().stream()
        .sorted(Comparator.comparing(MetadataRecord::qualifiedName))
        .forEach(
            record -> {
              Map<String, Object> values = new TreeMap<>(record.values());
              values.remove("Id");
              hasher.putString(
                  record.qualifiedName() + record.label() + values, StandardCharsets.UTF_8);
            });
    records.users().stream()
        .sorted(Comparator.comparing(OrgUser::id))
        .forEach(user -> hasher.putString(user.toString(), StandardCharsets.UTF_8));
    return hasher.hash().toString().substring(0, 12);
  }
}

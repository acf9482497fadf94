package dev.leadrouter.cli;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.rules.MetadataRecord;
import dev.leadrouter.rules.RuleMetadata;
import dev.leadrouter.rules.SfdxRecordFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the Custom Metadata records of an SFDX source folder into an emulated org, as deploying the
 * project would: every routing type exists (with its fields) even without records, and each type
 * found in the folder holds exactly the folder's records.
 */
final class SfdxMetadataSeed {

  private SfdxMetadataSeed() {}

  /**
   * @param folder a {@code customMetadata} folder, or a source folder that holds one
   * @return how many records were loaded
   */
  static int load(Org org, Path folder) {
    Path records =
        Files.isDirectory(folder.resolve("customMetadata"))
            ? folder.resolve("customMetadata")
            : folder;
    if (!Files.isDirectory(records)) {
      throw new InputException("--metadata: " + folder + " is not a folder");
    }
    List<MetadataRecord> all;
    try {
      all = new SfdxRecordFiles().read(records);
    } catch (IllegalArgumentException malformed) {
      throw new InputException("--metadata: " + malformed.getMessage(), malformed);
    }
    Set<String> types = new LinkedHashSet<>(RuleMetadata.TYPES);
    all.forEach(record -> types.add(record.type()));
    for (String type : types) {
      List<Map<String, Object>> rows = new ArrayList<>();
      Set<String> fields =
          new LinkedHashSet<>(
              RuleMetadata.TYPES.contains(type) ? RuleMetadata.fields(type) : List.of());
      for (MetadataRecord record : all) {
        if (record.type().equals(type)) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("DeveloperName", record.developerName());
          row.put("MasterLabel", record.label());
          row.put("Label", record.label());
          row.putAll(record.values());
          fields.addAll(record.values().keySet());
          rows.add(row);
        }
      }
      org.customMetadata().replace(type, fields, rows);
    }
    return all.size();
  }
}

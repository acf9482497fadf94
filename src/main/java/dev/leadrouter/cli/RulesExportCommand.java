package dev.leadrouter.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.inject.Inject;
import com.google.inject.Injector;
import dev.leadrouter.config.RuleSetDocument;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.rules.DocumentToRecords;
import dev.leadrouter.rules.MetadataRecord;
import dev.leadrouter.rules.RecordRuleSets;
import dev.leadrouter.rules.SfdxRecordFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Moves a rule set between the org's records and files kept in git. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the rule set elsewhere, so teams can keep rules in git and golden-test them:",
      "  --to-yaml FILE  the org's routing records as a YAML rule file (checked first)",
      "  --to-sfdx DIR   a YAML rule file (--yaml) as Custom Metadata record files for"
          + " `sf project deploy start`, into DIR/customMetadata (DIR is e.g."
          + " config/salesforce/force-app/main/default)"
    })
final class RulesExportCommand implements Callable<Integer> {

  static final class Target {
    @Option(
        names = "--to-yaml",
        required = true,
        paramLabel = "FILE",
        description = "YAML file to write.")
    Path yaml;

    @Option(
        names = "--to-sfdx",
        required = true,
        paramLabel = "DIR",
        description = "SFDX source folder to write customMetadata/ into.")
    Path sfdx;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = "--yaml",
      paramLabel = "FILE",
      defaultValue = "config/rules.example.yaml",
      description = "The YAML rule file --to-sfdx converts (default: ${DEFAULT-VALUE}).")
  Path yaml;

  @Mixin OrgOptions org;
  @Spec CommandSpec spec;

  private final Injector injector;

  @Inject
  RulesExportCommand(Injector injector) {
    this.injector = injector;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (target.sfdx != null) {
      if (!Files.isReadable(yaml)) {
        throw new InputException("rule file " + yaml + " does not exist or cannot be read");
      }
      // Only a valid rule set is worth deploying.
      new YamlRuleSetLoader().load(yaml);
      List<MetadataRecord> records;
      try {
        records = DocumentToRecords.convert(new YamlRuleSetLoader().document(yaml));
      } catch (DocumentToRecords.NotExportableException notExportable) {
        throw new InputException(yaml + ": " + notExportable.getMessage(), notExportable);
      }
      Path folder = target.sfdx.resolve("customMetadata");
      new SfdxRecordFiles().write(folder, records);
      out.printf("Wrote %d Custom Metadata records to %s%n", records.size(), folder);
    } else {
      var records = OrgRules.read(injector, org);
      // Checked first, so the file written is one the worker would accept.
      new RecordRuleSets().assemble(records, "of the org");
      RuleSetDocument doc = RecordRuleSets.document(records);
      write(target.yaml, doc);
      out.printf("Wrote the org's rule set to %s%n", target.yaml);
    }
    out.flush();
    return 0;
  }

  private static void write(Path file, RuleSetDocument doc) {
    ObjectMapper mapper =
        new ObjectMapper(
                new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(
          file,
          "# Exported from the org's Routing_*__mdt records by `lead-router rules export`.\n"
              + mapper.writeValueAsString(doc));
    } catch (IOException unwritable) {
      throw new UncheckedIOException("cannot write " + file, unwritable);
    }
  }
}

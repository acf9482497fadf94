package dev.leadrouter.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.hash.Hashing;
import dev.leadrouter.route.RuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads a rule set from a YAML file (for development, golden tests and dry runs). The file has the
 * shape of {@link RuleSetDocument}; see {@code config/rules.example.yaml}.
 */
public final class YamlRuleSetLoader {

  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
  private final RuleSetAssembler assembler = new RuleSetAssembler();

  /**
   * @throws InvalidRuleSetException when the file cannot be read as a rule set or is invalid
   */
  public RuleSet load(Path file) {
    byte[] content = read(file);
    RuleSetDocument doc = parse(file, content);
    String fallbackVersion =
        file.getFileName() + "@" + Hashing.sha256().hashBytes(content).toString().substring(0, 12);
    return assembler.assemble(doc, file.toString(), fallbackVersion);
  }

  /**
   * The file as written, before it is checked: for converting it to Custom Metadata records.
   *
   * @throws InvalidRuleSetException when the file cannot be read as a rule set
   */
  public RuleSetDocument document(Path file) {
    return parse(file, read(file));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read rule file " + file, unreadable);
    }
  }

  private RuleSetDocument parse(Path file, byte[] content) {
    try {
      if (isEmpty(content)) {
        throw new InvalidRuleSetException(
            file.toString(),
            List.of(new RuleSetProblem("rule set", "(file)", "the file is empty")));
      }
      return yaml.readValue(content, RuleSetDocument.class);
    } catch (JsonProcessingException malformed) {
      throw new InvalidRuleSetException(file.toString(), List.of(problem(malformed, content)));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read rule file " + file, unreadable);
    }
  }

  /** Nothing but comments, or an explicit null document ("---", "~"). */
  private boolean isEmpty(byte[] content) throws IOException {
    JsonNode tree = yaml.readTree(content);
    return tree == null || tree.isMissingNode() || tree.isNull();
  }

  private RuleSetProblem problem(JsonProcessingException malformed, byte[] content) {
    JsonLocation location = malformed.getLocation();
    if (malformed instanceof UnrecognizedPropertyException unknown) {
      // Jackson reports an unknown key where it finished reading the enclosing record, often
      // lines later; point at the key itself.
      location =
          new KeyLocator(yaml.getFactory()).find(content, unknown.getPath()).orElse(location);
    }
    String where =
        location == null
            ? "(file)"
            : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    String path = "(file)";
    if (malformed instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      path =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null
                          ? ref.getFieldName()
                          : "[" + (ref.getIndex() + 1) + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String message =
        malformed instanceof UnrecognizedPropertyException unknown
            ? "unknown setting '" + unknown.getPropertyName() + "'"
            : malformed.getOriginalMessage();
    return new RuleSetProblem("rule set at " + where, path, message);
  }
}

package dev.leadrouter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every file of the SFDX project parses and holds what the Metadata API expects of its type, as the
 * Metadata API Developer Guide describes them: CustomObject and CustomField
 * (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm),
 * CustomMetadata records (meta_custommetadata.htm), PermissionSet (meta_permissionset.htm),
 * PlatformEventChannel and PlatformEventChannelMember (meta_platformeventchannelmember.htm).
 */
class SfdxProjectTest {

  static final Path PROJECT = Path.of("config/salesforce");
  static final Path SOURCE = PROJECT.resolve("force-app/main/default");

  /** Field types a Custom Metadata Type may have. */
  static final Set<String> MDT_FIELD_TYPES =
      Set.of(
          "Checkbox",
          "Date",
          "DateTime",
          "Email",
          "MetadataRelationship",
          "Number",
          "Percent",
          "Phone",
          "Picklist",
          "Text",
          "TextArea",
          "LongTextArea",
          "Url");

  static final Set<String> FIELD_TYPES =
      Set.of(
          "Checkbox",
          "Currency",
          "Date",
          "DateTime",
          "Email",
          "Lookup",
          "Number",
          "Percent",
          "Phone",
          "Picklist",
          "MultiselectPicklist",
          "Text",
          "TextArea",
          "LongTextArea",
          "Url",
          "Html",
          "Time");

  static final Map<String, String> ROOTS =
      Map.of(
          ".object-meta.xml", "CustomObject",
          ".field-meta.xml", "CustomField",
          ".md-meta.xml", "CustomMetadata",
          ".permissionset-meta.xml", "PermissionSet",
          ".platformEventChannel-meta.xml", "PlatformEventChannel",
          ".platformEventChannelMember-meta.xml", "PlatformEventChannelMember");

  /** Field elements by object then field name. */
  static final Map<String, Map<String, Element>> FIELDS = new HashMap<>();

  @BeforeAll
  static void readFields() throws Exception {
    try (Stream<Path> files = Files.walk(SOURCE.resolve("objects"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".field-meta.xml")).toList()) {
        String object = file.getParent().getParent().getFileName().toString();
        FIELDS
            .computeIfAbsent(object, k -> new HashMap<>())
            .put(stem(file, ".field-meta.xml"), parse(file).getDocumentElement());
      }
    }
  }

  @Test
  void theProjectFileNamesTheSourceFolderAndAnApiVersion() throws IOException {
    JsonNode project = new ObjectMapper().readTree(PROJECT.resolve("sfdx-project.json").toFile());
    assertThat(project.path("packageDirectories").get(0).path("path").asText())
        .isEqualTo("force-app");
    assertThat(project.path("sourceApiVersion").asText()).matches("\\d{2}\\.0");
  }

  @Test
  void everyFileIsWellFormedMetadataOfTheTypeItsSuffixSays() throws Exception {
    List<Path> files = allXml();
    assertThat(files).hasSizeGreaterThan(100);
    for (Path file : files) {
      String suffix =
          ROOTS.keySet().stream()
              .filter(s -> file.toString().endsWith(s))
              .findFirst()
              .orElseThrow(() -> new AssertionError("unknown metadata file " + file));
      Element root = parse(file).getDocumentElement();
      assertThat(root.getLocalName()).as(file.toString()).isEqualTo(ROOTS.get(suffix));
      assertThat(root.getNamespaceURI()).as(file.toString()).isEqualTo(SfdxRecordFiles.METADATA_NS);
    }
  }

  @Test
  void customMetadataTypesHaveLabelsAndVisibility() throws Exception {
    for (String type : RuleMetadata.TYPES) {
      Path file = SOURCE.resolve("objects/" + type + "/" + type + ".object-meta.xml");
      Element root = parse(file).getDocumentElement();
      assertThat(text(root, "label")).as(type).isNotBlank().hasSizeLessThanOrEqualTo(40);
      assertThat(text(root, "pluralLabel")).as(type).isNotBlank();
      assertThat(text(root, "visibility")).as(type).isIn("Public", "Protected", "PackageProtected");
      assertThat(text(root, "description")).as(type).isNotBlank();
    }
  }

  @Test
  void everyFieldIsValidForItsObject() {
    FIELDS.forEach(
        (object, fields) ->
            fields.forEach(
                (name, field) -> {
                  String where = object + "." + name;
                  boolean mdt = object.endsWith("__mdt");
                  String type = text(field, "type");
                  assertThat(text(field, "fullName")).as(where).isEqualTo(name);
                  assertThat(name).as(where).endsWith("__c");
                  assertThat(text(field, "label"))
                      .as(where)
                      .isNotBlank()
                      .hasSizeLessThanOrEqualTo(40);
                  assertThat(text(field, "inlineHelpText"))
                      .as(where)
                      .isNotBlank()
                      .hasSizeLessThanOrEqualTo(510);
                  assertThat(type).as(where).isIn(mdt ? MDT_FIELD_TYPES : FIELD_TYPES);
                  if (mdt) {
                    assertThat(text(field, "fieldManageability"))
                        .as(where)
                        .isIn("DeveloperControlled", "SubscriberControlled", "Locked");
                  } else {
                    assertThat(text(field, "description")).as(where).isNotBlank();
                  }
                  switch (type) {
                    case "Text" ->
                        assertThat(Integer.parseInt(text(field, "length")))
                            .as(where)
                            .isBetween(1, 255);
                    case "LongTextArea" -> {
                      assertThat(Integer.parseInt(text(field, "length")))
                          .as(where)
                          .isBetween(256, 131072);
                      assertThat(text(field, "visibleLines")).as(where).isNotBlank();
                    }
                    case "Number" -> {
                      int precision = Integer.parseInt(text(field, "precision"));
                      int scale = Integer.parseInt(text(field, "scale"));
                      assertThat(precision).as(where).isBetween(1, 18);
                      assertThat(scale).as(where).isBetween(0, precision);
                    }
                    case "Checkbox" ->
                        assertThat(text(field, "defaultValue")).as(where).isIn("true", "false");
                    case "Picklist" -> assertThat(picklistValues(field)).as(where).isNotEmpty();
                    case "MetadataRelationship" -> {
                      assertThat(FIELDS.keySet()).as(where).contains(text(field, "referenceTo"));
                      assertThat(text(field, "relationshipName")).as(where).matches("\\w+");
                    }
                    default -> {}
                  }
                }));
  }

  @Test
  void theReaderSelectsOnlyFieldsTheProjectDefines() {
    for (String type : RuleMetadata.TYPES) {
      assertThat(FIELDS.get(type)).as(type).isNotNull();
      assertThat(FIELDS.get(type).keySet())
          .as(type)
          .containsExactlyInAnyOrderElementsOf(RuleMetadata.fields(type));
    }
  }

  @Test
  void leadGetsTheRoutingFields() {
    assertThat(FIELDS.get("Lead").keySet())
        .containsExactlyInAnyOrder(
            "Routing_Rule__c",
            "Routing_Reason__c",
            "Routed_At__c",
            "Routing_Score__c",
            "SLA_Due__c");
    assertThat(text(FIELDS.get("Lead").get("Routed_At__c"), "type")).isEqualTo("DateTime");
    assertThat(text(FIELDS.get("Lead").get("SLA_Due__c"), "type")).isEqualTo("DateTime");
  }

  @Test
  void everyRecordFitsItsTypesFields() throws Exception {
    List<MetadataRecord> records = new SfdxRecordFiles().read(SOURCE.resolve("customMetadata"));
    Map<String, Set<String>> names =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    MetadataRecord::type,
                    Collectors.mapping(MetadataRecord::developerName, Collectors.toSet())));
    for (MetadataRecord record : records) {
      String where = record.qualifiedName();
      assertThat(DeveloperNames.isValid(record.developerName())).as(where).isTrue();
      assertThat(record.label()).as(where).isNotBlank().hasSizeLessThanOrEqualTo(40);
      Map<String, Element> fields = FIELDS.get(record.type());
      assertThat(fields).as(where + ": type exists").isNotNull();
      record
          .values()
          .forEach(
              (name, value) -> {
                Element field = fields.get(name);
                assertThat(field).as(where + "." + name + " exists").isNotNull();
                String type = text(field, "type");
                if (value == null) {
                  assertThat(text(field, "required")).as(where + "." + name).isNotEqualTo("true");
                  return;
                }
                switch (type) {
                  case "Checkbox" ->
                      assertThat(value).as(where + "." + name).isInstanceOf(Boolean.class);
                  case "Number", "Percent" ->
                      assertThat(value)
                          .as(where + "." + name)
                          .isInstanceOf(java.math.BigDecimal.class);
                  case "Picklist" ->
                      assertThat(picklistValues(field))
                          .as(where + "." + name)
                          .contains((String) value);
                  case "MetadataRelationship" ->
                      assertThat(names.get(text(field, "referenceTo")))
                          .as(where + "." + name + " names a record")
                          .contains((String) value);
                  default -> {
                    assertThat(value).as(where + "." + name).isInstanceOf(String.class);
                    if (text(field, "length") != null && type.equals("Text")) {
                      assertThat((String) value)
                          .hasSizeLessThanOrEqualTo(Integer.parseInt(text(field, "length")));
                    }
                  }
                }
              });
      fields.forEach(
          (name, field) -> {
            if ("true".equals(text(field, "required"))) {
              assertThat(record.values().get(name))
                  .as(where + "." + name + " is required")
                  .isNotNull();
            }
          });
    }
  }

  @Test
  void thePermissionSetGrantsLeastPrivilege() throws Exception {
    Element set =
        parse(SOURCE.resolve("permissionsets/Lead_Router_Integration.permissionset-meta.xml"))
            .getDocumentElement();
    assertThat(text(set, "label")).isNotBlank();
    assertThat(texts(set, "customMetadataTypeAccesses", "name"))
        .containsExactlyInAnyOrderElementsOf(RuleMetadata.TYPES);
    assertThat(texts(set, "userPermissions", "name"))
        .contains("ApiEnabled")
        .doesNotContain("ViewAllData", "ModifyAllData", "ManageUsers", "CustomizeApplication");
    for (Element object : children(set, "objectPermissions")) {
      String name = text(object, "object");
      assertThat(text(object, "allowRead")).as(name).isEqualTo("true");
      assertThat(text(object, "allowDelete")).as(name).isEqualTo("false");
      assertThat(text(object, "modifyAllRecords")).as(name).isEqualTo("false");
      assertThat(text(object, "allowEdit"))
          .as(name)
          .isEqualTo(name.equals("Lead") ? "true" : "false");
    }
    for (Element field : children(set, "fieldPermissions")) {
      String[] parts = text(field, "field").split("\\.");
      if (parts[1].endsWith("__c")) {
        // Custom fields must be ours; standard ones (Lead.Email) are the org's own.
        assertThat(FIELDS.get(parts[0])).as(text(field, "field")).containsKey(parts[1]);
      }
    }
  }

  @Test
  void theChangeEventChannelFiltersTasksToLeads() throws Exception {
    Path channels = SOURCE.resolve("platformEventChannels");
    Element channel =
        parse(channels.resolve("LeadRouter__chn.platformEventChannel-meta.xml"))
            .getDocumentElement();
    assertThat(text(channel, "channelType")).isEqualTo("data");
    assertThat(text(channel, "label")).isNotBlank();
    List<String> entities = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCE.resolve("platformEventChannelMembers"))) {
      for (Path file : files.toList()) {
        Element member = parse(file).getDocumentElement();
        assertThat(text(member, "eventChannel")).isEqualTo("LeadRouter__chn");
        String entity = text(member, "selectedEntity");
        assertThat(entity).endsWith("ChangeEvent");
        assertThat(stem(file, ".platformEventChannelMember-meta.xml"))
            .isEqualTo("LeadRouter_chn_" + entity);
        entities.add(entity);
        if (entity.equals("TaskChangeEvent")) {
          assertThat(text(member, "filterExpression")).isEqualTo("WhoId LIKE '00Q%'");
        }
      }
    }
    assertThat(entities)
        .containsExactlyInAnyOrder(
            "LeadChangeEvent", "AccountChangeEvent", "TaskChangeEvent", "UserChangeEvent");
  }

  // ---- helpers ---------------------------------------------------------------------------

  static List<Path> allXml() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCE)) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  static Document parse(Path file) throws Exception {
    return SfdxRecordFiles.parser().parse(file.toFile());
  }

  static String stem(Path file, String suffix) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - suffix.length());
  }

  static String text(Element parent, String name) {
    return SfdxRecordFiles.childText(parent, name);
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  static List<String> texts(Element parent, String list, String name) {
    return children(parent, list).stream().map(e -> text(e, name)).toList();
  }

  static List<String> picklistValues(Element field) {
    Element valueSet = SfdxRecordFiles.child(field, "valueSet");
    if (valueSet == null) {
      return List.of();
    }
    Element definition = SfdxRecordFiles.child(valueSet, "valueSetDefinition");
    return children(definition, "value").stream().map(v -> text(v, "fullName")).toList();
  }
}

package dev.leadrouter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.rules.RuleMetadata;
import dev.leadrouter.sla.SlaAssignments;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The permission set {@code Lead_Router_Integration} grants what the worker uses and nothing more.
 * What it uses is collected from the code: the SOQL in the reading packages (literals, and the
 * field lists of the query builders), the fields the owner writer and the SLA tasks send, and the
 * Custom Metadata Types the rule reader queries. Permission set format:
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
 */
class IntegrationPermissionSetTest {

  private static final Path PERMISSION_SET =
      Path.of(
          "config/salesforce/force-app/main/default/permissionsets/"
              + "Lead_Router_Integration.permissionset-meta.xml");
  private static final Path MAIN = Path.of("src/main/java/dev/leadrouter");
  private static final List<String> READING_PACKAGES =
      List.of("salesforce", "match", "sla", "rules", "worker");

  /**
   * Objects whose field-level security a permission set grants. Task fields follow the Activity
   * object and the EditTask permission; User and Group fields have no field-level security here.
   */
  private static final Set<String> FIELD_SECURED_OBJECTS = Set.of("Lead", "Account", "Contact");

  /**
   * Fields that carry no field-level security, so a permission set cannot list them: ids, system
   * fields, name parts and the fields Salesforce always requires (Help, "Field-Level Security":
   * https://help.salesforce.com/s/articleView?id=sf.admin_fls.htm).
   */
  private static final Set<String> ALWAYS_VISIBLE =
      Set.of(
          "Id",
          "Name",
          "FirstName",
          "LastName",
          "OwnerId",
          "IsConverted",
          "IsDeleted",
          "CreatedDate",
          "LastModifiedDate",
          "SystemModstamp",
          "Lead.Company",
          "Lead.Status");

  /** System permissions that would let the integration user do far more than route leads. */
  private static final Set<String> FORBIDDEN_SYSTEM_PERMISSIONS =
      Set.of(
          "ModifyAllData",
          "ViewAllData",
          "ManageUsers",
          "CustomizeApplication",
          "ModifyMetadata",
          "AuthorApex",
          "ManageProfilesPermissionsets",
          "AssignPermissionSets",
          "ManageInternalUsers",
          "ManageSharing",
          "ManageRoles",
          "ViewSetup",
          "ManageDataIntegrations",
          "BulkApiHardDelete",
          "ManageLeads",
          "TransferAnyEntity");

  /** Each granted system permission, and what in the code needs it. */
  private static final Map<String, String> NEEDED_SYSTEM_PERMISSIONS =
      Map.of(
          "ApiEnabled", "every REST, Bulk and streaming call",
          "EditTask", "the SLA follow-up Task is created and completed",
          "ViewAllUsers",
              "reps are read by id (active, time zone, manager) whatever user sharing is",
          "TransferAnyLead", "the owner writer changes the owner of leads it does not own");

  private static Document set;
  private static Map<String, Set<String>> reads;
  private static Map<String, Set<String>> writes;

  @BeforeAll
  static void collect() throws Exception {
    set =
        DocumentBuilderFactory.newDefaultInstance()
            .newDocumentBuilder()
            .parse(PERMISSION_SET.toFile());
    reads = readFields();
    writes = writtenFields();
  }

  @Test
  void theCodeUsageIsFoundAtAll() {
    // Guards the collection itself: were a scan to find nothing, every check below would pass.
    assertThat(reads.get("Lead")).contains("Email", "Company", "Industry", "OwnerId");
    assertThat(reads.get("Account")).contains("Website", "ParentId");
    assertThat(reads.get("Contact")).contains("Email");
    assertThat(reads.get("User")).contains("IsActive", "TimeZoneSidKey");
    assertThat(writes.get("Lead"))
        .contains("OwnerId", "Routing_Rule__c", "Routing_Reason__c", "Routed_At__c", "SLA_Due__c");
    assertThat(writes.get("Task")).contains("WhoId", "Subject", "Status");
  }

  @Test
  void grantsNoSystemPermissionBeyondWhatRoutingNeeds() {
    List<String> granted = enabled("userPermissions");

    assertThat(granted).doesNotContainAnyElementsOf(FORBIDDEN_SYSTEM_PERMISSIONS);
    assertThat(granted).containsExactlyInAnyOrderElementsOf(NEEDED_SYSTEM_PERMISSIONS.keySet());
    assertThat(writes).containsKey("Task"); // EditTask
    assertThat(reads).containsKey("User"); // ViewAllUsers
    assertThat(writes.get("Lead")).contains("OwnerId"); // TransferAnyLead
  }

  @Test
  void objectAccessIsReadWhereTheCodeReadsAndEditWhereItWritesNeverDeleteOrViewAll() {
    Map<String, Map<String, Boolean>> granted = new TreeMap<>();
    for (Element access : elements(set.getDocumentElement(), "objectPermissions")) {
      Map<String, Boolean> flags = new TreeMap<>();
      for (String flag :
          List.of(
              "allowCreate",
              "allowDelete",
              "allowEdit",
              "allowRead",
              "modifyAllRecords",
              "viewAllRecords")) {
        flags.put(flag, Boolean.parseBoolean(text(access, flag)));
      }
      granted.put(text(access, "object"), flags);
    }

    for (String object : FIELD_SECURED_OBJECTS) {
      if (reads.containsKey(object) || writes.containsKey(object)) {
        assertThat(granted).as("object access for %s", object).containsKey(object);
      }
    }
    granted.forEach(
        (object, flags) -> {
          assertThat(reads.containsKey(object) || writes.containsKey(object))
              .as("%s is granted but never used", object)
              .isTrue();
          assertThat(flags.get("allowRead")).as("%s read", object).isTrue();
          assertThat(flags.get("allowEdit"))
              .as("%s edit only when written", object)
              .isEqualTo(writes.containsKey(object));
          assertThat(flags.get("allowCreate"))
              .as("%s create (the worker creates only Tasks)", object)
              .isFalse();
          assertThat(flags.get("allowDelete")).as("%s delete", object).isFalse();
          assertThat(flags.get("modifyAllRecords")).as("%s modify all", object).isFalse();
          assertThat(flags.get("viewAllRecords")).as("%s view all", object).isFalse();
        });
  }

  @Test
  void fieldAccessIsExactlyWhatIsReadAndWritten() {
    Map<String, String> granted = new TreeMap<>();
    for (Element field : elements(set.getDocumentElement(), "fieldPermissions")) {
      boolean readable = Boolean.parseBoolean(text(field, "readable"));
      boolean editable = Boolean.parseBoolean(text(field, "editable"));
      granted.put(text(field, "field"), editable ? "edit" : readable ? "read" : "none");
    }
    Map<String, String> needed = new TreeMap<>();
    for (String object : FIELD_SECURED_OBJECTS) {
      reads.getOrDefault(object, Set.of()).stream()
          .filter(field -> fieldSecured(object, field))
          .forEach(field -> needed.put(object + "." + field, "read"));
      writes.getOrDefault(object, Set.of()).stream()
          .filter(field -> fieldSecured(object, field))
          .forEach(field -> needed.put(object + "." + field, "edit"));
    }

    assertThat(granted).containsExactlyInAnyOrderEntriesOf(needed);
  }

  @Test
  void readsExactlyTheCustomMetadataTypesTheRuleReaderQueries() {
    assertThat(enabled("customMetadataTypeAccesses"))
        .containsExactlyInAnyOrderElementsOf(RuleMetadata.TYPES);
  }

  // ---- What the code uses ---------------------------------------------------------------------

  /** SOQL in the reading packages, plus the field lists the query builders append to "SELECT ". */
  private static Map<String, Set<String>> readFields() throws Exception {
    Map<String, Set<String>> fields = new TreeMap<>();
    Pattern select = Pattern.compile("SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)(?:\\s+WHERE\\s+(\\w+))?");
    for (String pkg : READING_PACKAGES) {
      for (String literal : stringLiterals(MAIN.resolve(pkg))) {
        Matcher query = select.matcher(literal);
        while (query.find()) {
          String object = query.group(2);
          if (object.endsWith("__mdt")) {
            continue; // granted as a whole by customMetadataTypeAccesses
          }
          addFields(fields, object, query.group(1));
          if (query.group(3) != null) {
            addFields(fields, object, query.group(3));
          }
        }
      }
    }
    addFields(
        fields,
        "Account",
        (String) constant("dev.leadrouter.match.AccountIndexLoader", "STANDARD_FIELDS"));
    @SuppressWarnings("unchecked")
    List<String> leadFields =
        (List<String>) constant("dev.leadrouter.worker.LeadReader", "STANDARD");
    addFields(fields, "Lead", String.join(", ", leadFields));
    return fields;
  }

  /** The fields the owner writer and the SLA send, by the object they go to. */
  private static Map<String, Set<String>> writtenFields() throws IOException {
    Map<String, Set<String>> fields = new TreeMap<>();
    putAll(fields, "Lead", MAIN.resolve("write/BatchWriter.java"), "fields");
    putAll(fields, "Task", MAIN.resolve("sla/SlaAssignments.java"), "task");
    fields.get("Lead").add(SlaAssignments.DUE_FIELD);
    // Escalation: rest.update("Task" | "Lead", List.of(Map.of("Id", ..., "Field", ...)))
    Pattern update =
        Pattern.compile(
            "\\.update\\(\\s*\"(\\w+)\",\\s*List\\.of\\(Map\\.of\\(\"Id\",[^,]+,\\s*\"(\\w+)\"");
    Matcher escalation = update.matcher(Files.readString(MAIN.resolve("sla/SlaEscalations.java")));
    while (escalation.find()) {
      fields.computeIfAbsent(escalation.group(1), none -> new TreeSet<>()).add(escalation.group(2));
    }
    fields.values().forEach(written -> written.remove("Id"));
    return fields;
  }

  private static void putAll(
      Map<String, Set<String>> fields, String object, Path source, String map) throws IOException {
    // Only puts into the record map: an MDC.put("leadId", ...) is no field.
    Pattern put = Pattern.compile("\\b" + map + "\\.put\\(\"(\\w+)\"");
    Matcher matcher = put.matcher(Files.readString(source));
    while (matcher.find()) {
      fields.computeIfAbsent(object, none -> new TreeSet<>()).add(matcher.group(1));
    }
  }

  /**
   * {@code Owner.IsActive} on a Lead reads {@code User.IsActive}; {@code Account.Name}, Account's.
   */
  private static void addFields(Map<String, Set<String>> fields, String object, String list) {
    for (String field : list.split(",")) {
      String name = field.strip();
      if (name.isEmpty()) {
        continue;
      }
      int dot = name.indexOf('.');
      if (dot > 0) {
        String parent = name.substring(0, dot);
        String target = parent.equals("Owner") ? "User" : parent;
        fields.computeIfAbsent(target, none -> new TreeSet<>()).add(name.substring(dot + 1));
        fields.computeIfAbsent(object, none -> new TreeSet<>()).add(parent + "Id");
      } else {
        // A state or country picklist's code shares the security of its address field.
        String secured =
            name.matches("(Billing|Shipping|Mailing)?(State|Country)Code")
                ? name.substring(0, name.length() - "Code".length())
                : name;
        fields.computeIfAbsent(object, none -> new TreeSet<>()).add(secured);
      }
    }
  }

  /** String literals of the package's sources, adjacent ones joined ("a" + "b" is "ab"). */
  private static List<String> stringLiterals(Path dir) throws IOException {
    List<String> literals = new ArrayList<>();
    Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", "");
        Matcher matcher = literal.matcher(source);
        while (matcher.find()) {
          literals.add(matcher.group(1));
        }
      }
    }
    return literals;
  }

  private static Object constant(String className, String name) throws Exception {
    Field field = Class.forName(className).getDeclaredField(name);
    field.setAccessible(true);
    return field.get(null);
  }

  private static boolean fieldSecured(String object, String field) {
    return !ALWAYS_VISIBLE.contains(field) && !ALWAYS_VISIBLE.contains(object + "." + field);
  }

  // ---- The permission set -----------------------------------------------------------------------

  private static List<String> enabled(String section) {
    return elements(set.getDocumentElement(), section).stream()
        .filter(entry -> Boolean.parseBoolean(text(entry, "enabled")))
        .map(entry -> text(entry, "name"))
        .toList();
  }

  private static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  private static String text(Element parent, String child) {
    List<Element> found = elements(parent, child);
    assertThat(found).as("<%s> in <%s>", child, parent.getTagName()).hasSize(1);
    return found.get(0).getTextContent().strip();
  }
}

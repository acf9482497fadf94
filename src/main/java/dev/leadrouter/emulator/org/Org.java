package dev.leadrouter.emulator.org;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An emulated org as its seed file describes it: the records, the connected apps that may sign in,
 * and the active lead assignment rule, if any.
 *
 * <p>Seed format: {@code {"users":[…], "queues":[…], "accounts":[…], "contacts":[…], "tasks":[…],
 * "leads":[…], "apps":[{"client_id","client_secret","username","certificate"?}],
 * "lead_assignment_rule": {"queue":"<Group DeveloperName>"}}}. Records are field maps as the REST
 * API shows them; an {@code Id} is kept, otherwise one is issued. Queues are Groups of Type {@code
 * Queue}.
 *
 * <p>A user may carry a {@code password} (not a field: it is kept apart from the record, so no
 * query shows it) for the SOAP partner {@code login()}; users without one cannot sign in that way.
 *
 * @param leadAssignmentOwner owner the active lead assignment rule gives every lead it runs on
 * @param passwords SOAP login password by username
 */
public record Org(
    OrgData data,
    List<ConnectedApp> apps,
    Optional<String> leadAssignmentOwner,
    Map<String, String> passwords,
    CustomMetadata customMetadata) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, SObjectType> SECTIONS =
      Map.of(
          "users", SObjectType.USER,
          "queues", SObjectType.GROUP,
          "accounts", SObjectType.ACCOUNT,
          "contacts", SObjectType.CONTACT,
          "tasks", SObjectType.TASK,
          "leads", SObjectType.LEAD,
          "business_hours", SObjectType.BUSINESS_HOURS,
          "holidays", SObjectType.HOLIDAY);
  // Owners before what they own, so seed records may name them by Id.
  private static final List<String> ORDER =
      List.of(
          "users",
          "queues",
          "accounts",
          "contacts",
          "leads",
          "tasks",
          "business_hours",
          "holidays");

  public Org {
    Objects.requireNonNull(data, "data");
    apps = List.copyOf(apps);
    Objects.requireNonNull(leadAssignmentOwner, "leadAssignmentOwner");
    passwords = Map.copyOf(passwords);
    Objects.requireNonNull(customMetadata, "customMetadata");
  }

  /** The id of the user whose username and password these are, as SOAP {@code login()} checks. */
  public Optional<String> signIn(String username, String password) {
    return Optional.ofNullable(passwords.get(username))
        .filter(
            expected ->
                MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8),
                    password.getBytes(StandardCharsets.UTF_8)))
        .flatMap(matched -> userId(username));
  }

  /** The app with this consumer key. */
  public Optional<ConnectedApp> app(String clientId) {
    return apps.stream().filter(a -> a.clientId().equals(clientId)).findFirst();
  }

  /** The id of the user with this username. */
  public Optional<String> userId(String username) {
    return data.idWhere(SObjectType.USER, "Username", username);
  }

  public static Org load(Path seed, Clock clock) {
    try (InputStream in = Files.newInputStream(seed)) {
      return load(in, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read seed " + seed, e);
    }
  }

  /** The seed shipped with the emulator: two users, two queues, a few accounts and leads. */
  public static Org small(Clock clock) {
    try (InputStream in = Org.class.getResourceAsStream("/emulator/seed.small.json")) {
      return load(Objects.requireNonNull(in, "seed.small.json on the class path"), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Org load(InputStream in, Clock clock) throws IOException {
    Map<String, Object> seed = JSON.readValue(in, new TypeReference<>() {});
    return fromSeed(seed, clock);
  }

  /**
   * An org from a seed already read (or generated) as JSON-compatible maps and lists.
   *
   * @throws IllegalArgumentException when the seed names unknown users or queues
   */
  public static Org fromSeed(Map<String, Object> seed, Clock clock) {
    OrgData data = new OrgData(clock);
    // Fields the org's objects have beyond the standard ones, e.g. {"Lead": ["Language__c"]}.
    if (seed.get("fields") instanceof Map<?, ?> extra) {
      extra.forEach(
          (object, fields) -> {
            SObjectType type =
                SObjectType.named((String) object)
                    .orElseThrow(
                        () -> new IllegalArgumentException("fields: unknown object " + object));
            for (Object field : (List<?>) fields) {
              data.defineField(type, (String) field);
            }
          });
    }
    Map<String, String> passwords = new LinkedHashMap<>();
    for (String section : ORDER) {
      for (Map<String, Object> values : list(seed, section)) {
        Map<String, Object> record = new LinkedHashMap<>(values);
        if (section.equals("queues")) {
          record.putIfAbsent("Type", "Queue");
        }
        if (section.equals("users") && record.remove("password") instanceof String password) {
          passwords.put((String) record.get("Username"), password);
        }
        data.seed(SECTIONS.get(section), record);
      }
    }
    List<ConnectedApp> apps = new ArrayList<>();
    for (Map<String, Object> app : list(seed, "apps")) {
      String clientId = (String) app.get("client_id");
      Optional<X509Certificate> certificate = Optional.empty();
      if (app.get("certificate") instanceof String pem) {
        try {
          certificate = Optional.of(ConnectedApp.certificate(pem));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "app " + clientId + ": certificate is " + e.getMessage(), e);
        }
      }
      apps.add(
          new ConnectedApp(
              clientId,
              (String) app.get("client_secret"),
              (String) app.get("username"),
              certificate));
    }
    Optional<String> owner = Optional.empty();
    if (seed.get("lead_assignment_rule") instanceof Map<?, ?> rule) {
      String queue = (String) rule.get("queue");
      owner =
          Optional.of(
              data.idWhere(SObjectType.GROUP, "DeveloperName", queue)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "lead_assignment_rule names an unknown queue: " + queue)));
    }
    CustomMetadata metadata = new CustomMetadata();
    if (seed.get("custom_metadata") instanceof Map<?, ?> types) {
      types.forEach(
          (type, records) -> {
            if (!(records instanceof List<?> list)) {
              throw new IllegalArgumentException(
                  "custom_metadata." + type + " must be a list of records");
            }
            for (Object record : list) {
              @SuppressWarnings("unchecked")
              Map<String, Object> values = (Map<String, Object>) record;
              metadata.add((String) type, values);
            }
          });
    }
    Org org = new Org(data, apps, owner, passwords, metadata);
    for (ConnectedApp app : apps) {
      if (org.userId(app.username()).isEmpty()) {
        throw new IllegalArgumentException("app " + app + " runs as an unknown user");
      }
    }
    return org;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> seed, String section) {
    Object value = seed.getOrDefault(section, List.of());
    return (List<Map<String, Object>>) value;
  }
}

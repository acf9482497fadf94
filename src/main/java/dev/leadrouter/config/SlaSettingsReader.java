package dev.leadrouter.config;

import dev.leadrouter.route.WorkingHours;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code lead-router.sla}. The section is optional: configurations written before it existed
 * get {@link SlaSettings#disabled()}.
 */
final class SlaSettingsReader {

  private final SettingReader reader;
  private final String section;

  SlaSettingsReader(SettingReader reader, String section) {
    this.reader = reader;
    this.section = section;
  }

  SlaSettings read() {
    if (reader.rawValue(section).isEmpty()) {
      return SlaSettings.disabled();
    }
    int before = reader.problemCount();
    boolean enabled = reader.booleanValue(section + ".enabled");
    Map<String, SlaTierSettings> tiers = tiers(section + ".tiers");
    List<String> untouched = reader.stringList(section + ".untouched-statuses");
    if (untouched.isEmpty() && enabled) {
      reader.problem(
          section + ".untouched-statuses",
          "must name at least one Lead Status, e.g. [\"Open - Not Contacted\"]");
    }
    BusinessHoursSettings hours = businessHours(section + ".business-hours");
    SlaEscalationSettings escalation = escalation(section + ".escalation");
    SlaTaskSettings task = task(section + ".task");
    NotifySettings notify = notify(section + ".notify");
    Duration misrouteWindow =
        reader.rawValue(section + ".misroute-window").isPresent()
            ? reader.durationAtLeast(
                section + ".misroute-window", Duration.ofMinutes(1), "1 minute")
            : SlaSettings.DEFAULT_MISROUTE_WINDOW;
    if (reader.problemCount() > before) {
      return null;
    }
    return new SlaSettings(
        enabled, tiers, untouched, hours, escalation, task, notify, misrouteWindow);
  }

  private Map<String, SlaTierSettings> tiers(String path) {
    Map<String, SlaTierSettings> tiers = new LinkedHashMap<>();
    for (String name : reader.sectionKeys(path)) {
      String p = path + "." + name;
      int before = reader.problemCount();
      Duration firstTouch = reader.durationAtLeast(p + ".first-touch", Duration.ofSeconds(1), "1s");
      boolean businessHours = reader.booleanValue(p + ".business-hours");
      if (reader.problemCount() == before) {
        tiers.put(name, new SlaTierSettings(name, firstTouch, businessHours));
      }
    }
    if (!tiers.containsKey(SlaSettings.DEFAULT_TIER)) {
      reader.problem(
          path,
          "must have a '"
              + SlaSettings.DEFAULT_TIER
              + "' entry for leads without a tier of their own");
    }
    return tiers;
  }

  private BusinessHoursSettings businessHours(String p) {
    int before = reader.problemCount();
    ZoneId zone = null;
    String zoneText = reader.requiredString(p + ".time-zone");
    if (zoneText != null) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException unknown) {
        reader.problem(
            p + ".time-zone",
            "must be a time zone such as America/New_York (was '" + zoneText + "')");
      }
    }
    WorkingHours hours = null;
    String hoursText = reader.requiredString(p + ".hours");
    if (hoursText != null) {
      try {
        hours = WorkingHours.parse(hoursText);
      } catch (IllegalArgumentException unreadable) {
        reader.problem(p + ".hours", unreadable.getMessage());
      }
    }
    List<LocalDate> holidays = new ArrayList<>();
    for (String day : reader.stringList(p + ".holidays")) {
      try {
        holidays.add(LocalDate.parse(day));
      } catch (DateTimeParseException notADate) {
        reader.problem(p + ".holidays", "'" + day + "' is not a date like 2026-12-25");
      }
    }
    boolean ownerZone = reader.booleanValue(p + ".owner-time-zone");
    return reader.problemCount() > before
        ? null
        : new BusinessHoursSettings(zone, hours, holidays, ownerZone);
  }

  private SlaEscalationSettings escalation(String p) {
    int before = reader.problemCount();
    boolean notify = reader.booleanValue(p + ".notify-at-breach");
    Optional<Duration> reassignAfter =
        reader.optionalString(p + ".reassign-after").isEmpty()
            ? Optional.empty()
            : Optional.ofNullable(
                reader.durationAtLeast(p + ".reassign-after", Duration.ofMinutes(1), "1 minute"));
    int maxReassignments = reader.intBetween(p + ".max-reassignments", 0, 100);
    Duration recycleAfter =
        reader.durationAtLeast(p + ".recycle-after", Duration.ofMinutes(1), "1 minute");
    Optional<String> nurtureQueue = reader.optionalString(p + ".nurture-queue-id");
    nurtureQueue
        .filter(id -> !id.matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}"))
        .ifPresent(
            id ->
                reader.problem(
                    p + ".nurture-queue-id",
                    "must be a queue's 15 or 18 character Salesforce id (was '" + id + "')"));
    return reader.problemCount() > before
        ? null
        : new SlaEscalationSettings(
            notify, reassignAfter, maxReassignments, recycleAfter, nurtureQueue);
  }

  private NotifySettings notify(String p) {
    if (reader.rawValue(p).isEmpty()) {
      return NotifySettings.none();
    }
    int before = reader.problemCount();
    SecretReader secrets = new SecretReader(reader);
    Optional<Secret> webhook = secrets.read(p, "webhook-url");
    webhook
        .filter(url -> !url.reveal().startsWith("https://") && !url.reveal().startsWith("http://"))
        .ifPresent(url -> reader.problem(p + ".webhook-url", "must be an http(s) address"));
    // The URL is a secret: the problem names the setting, never the address.
    webhook
        .filter(url -> url.reveal().startsWith("http://"))
        .filter(url -> !allowedWebAddress(url.reveal()))
        .ifPresent(url -> reader.problem(p + ".webhook-url", SecureTransport.PLAIN_HTTP_REFUSED));
    Optional<SmtpSettings> smtp = Optional.empty();
    Optional<String> host = reader.optionalString(p + ".smtp.host");
    if (host.isPresent()) {
      String s = p + ".smtp";
      int port = reader.intBetween(s + ".port", 1, 65535);
      String from = reader.requiredString(s + ".from");
      Optional<String> username = reader.optionalString(s + ".username");
      Optional<Secret> password = secrets.read(s, "password");
      boolean startTls = reader.booleanValue(s + ".starttls");
      smtp =
          Optional.of(
              new SmtpSettings(
                  host.get(), port, from == null ? "" : from, username, password, startTls));
    } else {
      reader.skipSection(p + ".smtp");
    }
    Optional<java.nio.file.Path> templates = reader.optionalPath(p + ".templates-dir");
    int attempts = reader.intBetween(p + ".attempts", 1, 10);
    Duration retryWait = reader.durationAtLeast(p + ".retry-wait", Duration.ofMillis(1), "1ms");
    return reader.problemCount() > before
        ? null
        : new NotifySettings(webhook, smtp, templates, attempts, retryWait);
  }

  private SlaTaskSettings task(String p) {
    int before = reader.problemCount();
    String subject = reader.requiredString(p + ".subject");
    String priority = reader.requiredString(p + ".priority");
    Duration reminder = reader.durationAtLeast(p + ".reminder-before", Duration.ZERO, "0s");
    return reader.problemCount() > before ? null : new SlaTaskSettings(subject, priority, reminder);
  }

  private static boolean allowedWebAddress(String url) {
    try {
      return SecureTransport.allows(new java.net.URI(url));
    } catch (java.net.URISyntaxException notAUri) {
      return false;
    }
  }
}

package dev.leadrouter.config;

import static dev.leadrouter.config.Problems.blankToNull;
import static dev.leadrouter.config.Problems.orEmpty;

import dev.leadrouter.config.RuleSetDocument.DateRangeDoc;
import dev.leadrouter.config.RuleSetDocument.QueueDoc;
import dev.leadrouter.config.RuleSetDocument.UserDoc;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.DateRange;
import dev.leadrouter.route.Queue;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.WorkingHours;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the users and queues of a rule set, and resolves references to them by id or by name,
 * checking that user references are user ids (005) and queue references queue ids (00G).
 */
final class DirectoryAssembler {

  private final Problems problems;
  private final Map<SalesforceId, Rep> reps = new LinkedHashMap<>();
  private final Map<SalesforceId, Queue> queues = new LinkedHashMap<>();
  private final Map<String, SalesforceId> userNames = new HashMap<>();
  private final Map<String, SalesforceId> queueNames = new HashMap<>();

  DirectoryAssembler(Problems problems, List<UserDoc> users, List<QueueDoc> queueDocs) {
    this.problems = problems;
    int position = 0;
    for (UserDoc user : orEmpty(users)) {
      readUser(user, ++position);
    }
    position = 0;
    for (QueueDoc queue : orEmpty(queueDocs)) {
      position++;
      String record = "queue " + (queue.name() == null ? "#" + position : queue.name());
      SalesforceId id = id(record, "id", queue.id(), SalesforceId.QUEUE_PREFIX, "queue");
      if (id != null) {
        queues.put(id, new Queue(id, blankToNull(queue.name())));
        if (queue.name() != null && queueNames.put(queue.name().trim(), id) != null) {
          problems.add(record, "name", "another queue has the same name");
        }
      }
    }
  }

  Map<SalesforceId, Rep> reps() {
    return reps;
  }

  Map<SalesforceId, Queue> queues() {
    return queues;
  }

  /**
   * A user by id or by name, who must be listed: team members and direct users are only routed to
   * when their time zone, working hours and status are known.
   */
  SalesforceId user(String record, String field, String reference) {
    SalesforceId id =
        resolve(record, field, reference, userNames, SalesforceId.USER_PREFIX, "user");
    if (id != null && !reps.containsKey(id)) {
      problems.add(
          record,
          field,
          "user "
              + id
              + " is not listed under users; list it with its time zone and working hours");
      return null;
    }
    return id;
  }

  /** A queue by id or by name. */
  SalesforceId queue(String record, String field, String reference) {
    return resolve(record, field, reference, queueNames, SalesforceId.QUEUE_PREFIX, "queue");
  }

  private SalesforceId resolve(
      String record,
      String field,
      String reference,
      Map<String, SalesforceId> byName,
      String prefix,
      String kind) {
    String text = blankToNull(reference);
    if (text == null) {
      problems.add(record, field, "a " + kind + " is required");
      return null;
    }
    SalesforceId named = byName.get(text);
    if (named != null) {
      return named;
    }
    if (SalesforceId.parse(text).isEmpty()) {
      problems.add(
          record,
          field,
          "'" + text + "' is neither a " + kind + " id nor a listed " + kind + " name");
      return null;
    }
    return id(record, field, text, prefix, kind);
  }

  SalesforceId id(String record, String field, String text, String prefix, String kind) {
    if (blankToNull(text) == null) {
      problems.add(record, field, "a " + kind + " id is required");
      return null;
    }
    var id = SalesforceId.parse(text);
    if (id.isEmpty()) {
      problems.add(record, field, "'" + text + "' is not a Salesforce id");
      return null;
    }
    if (!id.get().keyPrefix().equals(prefix)) {
      problems.add(
          record,
          field,
          "'" + text + "' is not a " + kind + " id (" + kind + " ids start with " + prefix + ")");
      return null;
    }
    return id.get();
  }

  private void readUser(UserDoc user, int position) {
    String record = "user " + (user.name() == null ? "#" + position : user.name());
    SalesforceId id = id(record, "id", user.id(), SalesforceId.USER_PREFIX, "user");
    ZoneId zone = ZoneId.of("UTC");
    if (blankToNull(user.timeZone()) != null) {
      try {
        zone = ZoneId.of(user.timeZone().trim());
      } catch (DateTimeException badZone) {
        problems.add(
            record,
            "timeZone",
            "'" + user.timeZone() + "' is not a time zone id such as Europe/Berlin");
      }
    }
    WorkingHours hours = WorkingHours.ALWAYS;
    try {
      hours = WorkingHours.parse(user.workingHours());
    } catch (IllegalArgumentException badHours) {
      problems.add(record, "workingHours", badHours.getMessage());
    }
    List<DateRange> away = new ArrayList<>();
    int index = 0;
    for (DateRangeDoc range : orEmpty(user.outOfOffice())) {
      index++;
      try {
        LocalDate first = LocalDate.parse(range.from().trim());
        LocalDate last = range.to() == null ? first : LocalDate.parse(range.to().trim());
        away.add(new DateRange(first, last));
      } catch (RuntimeException badRange) {
        problems.add(record, "outOfOffice[" + index + "]", "needs from/to dates as YYYY-MM-DD");
      }
    }
    if (id != null) {
      boolean active = user.active() == null || user.active();
      reps.put(id, new Rep(id, blankToNull(user.name()), active, zone, hours, away));
      if (user.name() != null && userNames.put(user.name().trim(), id) != null) {
        problems.add(record, "name", "another user has the same name");
      }
    }
  }
}

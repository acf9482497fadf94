package dev.leadrouter.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import dev.leadrouter.config.SlaTaskSettings;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.salesforce.SaveResult;
import dev.leadrouter.salesforce.SoqlLiteral;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.NewSlaClock;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClockStatus;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.write.BatchWriter;
import dev.leadrouter.write.OwnerUpdate;
import dev.leadrouter.write.WriteListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the SLA clock when an owner is written, and gives the owner a follow-up Task.
 *
 * <p>The clock starts (durably) while the owner update is being built, so {@code SLA_Due__c}
 * travels in the same Lead update as the owner. Once Salesforce took the owners of a batch, their
 * Tasks are created in one sObject Collections call (200 a request) right after it, and each Task's
 * id is stored on its clock.
 *
 * <p><b>A restart creates no Task twice.</b> A clock without a task id is either new (its Task was
 * never sent) or was sent just before the worker stopped and its answer lost. {@link
 * #recoverTasks()} runs at start for those: it looks for a Task already on the lead for the same
 * owner and subject (the only Task the worker gives that owner on that lead) and adopts it, and
 * creates only the ones it does not find.
 *
 * <p>Task fields as the Task object reference documents them (WhoId, OwnerId, Subject, Status,
 * Priority, ActivityDate as a date, ReminderDateTime with IsReminderSet):
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
 */
public final class SlaAssignments implements WriteListener {

  /** The Lead field that shows reps when the first touch is due. */
  public static final String DUE_FIELD = "SLA_Due__c";

  private static final Logger log = LoggerFactory.getLogger(SlaAssignments.class);
  private static final int COLLECTION_SIZE = 200;
  private static final java.time.Duration RECOVERY_LOOKBACK = java.time.Duration.ofDays(1);
  private static final DateTimeFormatter SALESFORCE_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SlaPolicy policy;
  private final SlaClocks clocks;
  private final RoutingLog routingLog;
  private final RestClient rest;
  private final RepDirectory reps;
  private final Clock clock;
  private final Counter tasksCreated;
  private final Counter clocksStarted;

  @Inject
  public SlaAssignments(
      SlaPolicy policy,
      SlaClocks clocks,
      RoutingLog routingLog,
      RestClient rest,
      RepDirectory reps,
      MeterRegistry meters,
      Clock clock) {
    this.policy = policy;
    this.clocks = clocks;
    this.routingLog = routingLog;
    this.rest = rest;
    this.reps = reps;
    this.clock = clock;
    this.tasksCreated =
        Counter.builder("leadrouter.sla.tasks.created")
            .description("follow-up Tasks created for owners")
            .register(meters);
    this.clocksStarted =
        Counter.builder("leadrouter.sla.clocks.started")
            .description("SLA clocks started (one per assignment to a rep)")
            .register(meters);
  }

  /** Follow-up Tasks this worker created since it started (the demo's sla_tasks_created). */
  public long tasksCreated() {
    return (long) tasksCreated.count();
  }

  @Override
  public Map<String, Object> extraLeadFields(OwnerUpdate update) {
    return clockFor(update)
        .<Map<String, Object>>map(
            started -> Map.of(DUE_FIELD, SALESFORCE_DATE_TIME.format(started.dueAt())))
        .orElse(Map.of());
  }

  @Override
  public void written(List<OwnerUpdate> written, BatchWriter.Path path) {
    List<SlaClock> needTasks = new ArrayList<>();
    for (OwnerUpdate update : written) {
      clockFor(update).filter(c -> c.isOpen() && c.taskId() == null).ifPresent(needTasks::add);
    }
    createTasks(needTasks);
  }

  @Override
  public void failed(List<OwnerUpdate> failed) {
    // The owner never changed: there is no promise to keep.
    Instant now = clock.instant();
    for (OwnerUpdate update : failed) {
      clocks
          .forDecision(update.decisionId())
          .ifPresent(open -> clocks.stop(open.id(), SlaClockStatus.CLOSED, now));
    }
  }

  /**
   * Gives the Tasks still missing to open clocks whose owner is written: adopts a Task a previous
   * run created but could not note, creates the rest. Call once at start, before writing.
   *
   * @return Tasks created (adopted ones not counted)
   */
  public int recoverTasks() {
    if (!policy.settings().enabled()) {
      return 0;
    }
    startMissingClocks();
    List<SlaClock> missing = new ArrayList<>();
    for (SlaClock open : clocks.openWithoutTask()) {
      Optional<String> existing = findTask(open);
      if (existing.isPresent()) {
        clocks.recordTask(open.id(), existing.get());
        log.info("lead {}: adopted follow-up task {}", open.leadId(), existing.get());
      } else if (ownerWritten(open)) {
        missing.add(open);
      }
    }
    return createTasks(missing);
  }

  /**
   * Starts the clocks of owners the org has but the store holds no clock for. The clock is stored
   * before the owner is sent, but its start can fail (the owner is then sent without a due time)
   * and a store can lose its last commits to a kill while the write landed; the next start marks
   * such a decision written ({@code WrittenBeforeStop}) and, without this, no clock would ever give
   * its owner a Task. The clock starts at the decision, as it would have; its Task is then adopted
   * or created like any other. Looks back one day, so that turning SLA tracking on does not hand
   * out Tasks for every lead ever routed.
   */
  private void startMissingClocks() {
    for (LoggedDecision decision :
        routingLog.writtenWithoutSlaClock(clock.instant().minus(RECOVERY_LOOKBACK))) {
      Optional<SlaClock> started = start(decision);
      started.ifPresent(
          open ->
              log.warn(
                  "lead {}: owner {} written without an SLA clock; started it (due {})",
                  open.leadId(),
                  open.ownerId(),
                  open.dueAt()));
    }
  }

  private boolean ownerWritten(SlaClock open) {
    return routingLog.findByLead(open.leadId()).stream()
        .anyMatch(d -> d.id() == open.decisionId() && d.writtenAt() != null);
  }

  private Optional<String> findTask(SlaClock open) {
    String soql =
        "SELECT Id FROM Task WHERE WhoId = "
            + SoqlLiteral.quote(open.leadId())
            + " AND OwnerId = "
            + SoqlLiteral.quote(open.ownerId())
            + " AND Subject = "
            + SoqlLiteral.quote(subject(open))
            + " LIMIT 1";
    return rest.query(soql).map(task -> task.path("Id").asText()).findFirst();
  }

  /** The decision's clock: the one stored, else started now (when the decision promises one). */
  private Optional<SlaClock> clockFor(OwnerUpdate update) {
    if (!policy.settings().enabled()) {
      // Nothing to look up: the writer's cost stays as it was without SLA tracking.
      return Optional.empty();
    }
    Optional<SlaClock> stored = clocks.forDecision(update.decisionId());
    if (stored.isPresent()) {
      return stored;
    }
    Optional<LoggedDecision> decision =
        routingLog.findByLead(update.leadId()).stream()
            .filter(d -> d.id() == update.decisionId())
            .findFirst();
    if (decision.isEmpty()) {
      return Optional.empty();
    }
    return start(decision.get());
  }

  /** Opens the clock the decision promises, if any; a second call returns the same clock. */
  private Optional<SlaClock> start(LoggedDecision d) {
    Optional<dev.leadrouter.route.Rep> owner = reps.find(d.owner().id().value());
    return policy
        .termsFor(d, owner)
        .map(
            terms -> {
              SlaClock started =
                  clocks.open(
                      new NewSlaClock(
                          d.leadId(),
                          d.id(),
                          d.owner().id().value(),
                          team(d),
                          d.rule(),
                          d.inputs().get("LeadSource"),
                          terms.tier(),
                          terms.businessHours(),
                          terms.startedAt(),
                          terms.dueAt(),
                          terms.recycleAt()));
              clocksStarted.increment();
              return started;
            });
  }

  private int createTasks(List<SlaClock> open) {
    int created = 0;
    for (int from = 0; from < open.size(); from += COLLECTION_SIZE) {
      List<SlaClock> chunk = open.subList(from, Math.min(open.size(), from + COLLECTION_SIZE));
      List<Map<String, Object>> records = chunk.stream().map(this::task).toList();
      List<SaveResult> results;
      try {
        results = rest.create("Task", records);
      } catch (SalesforceException failed) {
        // The clocks keep no task id; recoverTasks() at the next start sends them again.
        log.error("creating {} follow-up tasks failed: {}", chunk.size(), failed.getMessage());
        continue;
      }
      for (int i = 0; i < chunk.size(); i++) {
        SaveResult result = results.get(i);
        if (result.success()) {
          clocks.recordTask(chunk.get(i).id(), result.id().orElseThrow());
          created++;
        } else {
          log.warn(
              "follow-up task for lead {} refused: {}", chunk.get(i).leadId(), result.errors());
        }
      }
    }
    tasksCreated.increment(created);
    return created;
  }

  private Map<String, Object> task(SlaClock open) {
    SlaTaskSettings settings = policy.settings().task();
    Optional<dev.leadrouter.route.Rep> owner = reps.find(open.ownerId());
    java.time.ZoneId zone = policy.calendarFor(owner).zone();
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("WhoId", open.leadId());
    task.put("OwnerId", open.ownerId());
    task.put("Subject", subject(open));
    task.put("Status", "Not Started");
    task.put("Priority", settings.priority());
    // ActivityDate is a date without a zone: the day the owner sees it due, in their zone.
    task.put("ActivityDate", open.dueAt().atZone(zone).toLocalDate().toString());
    task.put(
        "ReminderDateTime",
        SALESFORCE_DATE_TIME.format(open.dueAt().minus(settings.reminderBefore())));
    task.put("IsReminderSet", true);
    return task;
  }

  private String subject(SlaClock open) {
    long minutes =
        open.businessHours()
            ? policy
                .calendarFor(reps.find(open.ownerId()))
                .businessTimeBetween(open.startedAt(), open.dueAt())
                .toMinutes()
            : java.time.Duration.between(open.startedAt(), open.dueAt()).toMinutes();
    String text =
        policy
            .settings()
            .task()
            .subject()
            .replace("{minutes}", Long.toString(minutes))
            .replace("{tier}", open.tier())
            .replace("{rule}", open.rule() == null ? "catch-all" : open.rule());
    return text.length() > 255 ? text.substring(0, 255) : text;
  }

  /** The team the owner was picked from: the last strategy that chose someone. */
  private static String team(LoggedDecision decision) {
    try {
      JsonNode strategies = JSON.readTree(decision.strategiesJson());
      String team = null;
      for (JsonNode strategy : strategies) {
        if (!strategy.path("chosen").isNull() && !strategy.path("chosen").isMissingNode()) {
          team = strategy.path("team").asText(null);
        }
      }
      return team;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}

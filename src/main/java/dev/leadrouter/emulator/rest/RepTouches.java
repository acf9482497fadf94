package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.lead.SalesforceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reps who work the leads they are given: some time after a lead's owner becomes a user, that user
 * sets its Status to "Working - Contacted" as they would in the org's UI (a change event with no
 * API origin, written by the user). A lead given to someone else before its touch is touched by the
 * new owner; one given to a queue by nobody. Off until a {@link RepTouchPlan} is set.
 */
public final class RepTouches implements AutoCloseable {

  /** The Status a rep sets at the first touch. */
  public static final String TOUCHED = "Working - Contacted";

  private static final Logger LOG = LoggerFactory.getLogger(RepTouches.class);
  // Status values that mean nobody has worked the lead yet (blank: web forms usually set none).
  private static final Set<String> UNTOUCHED = Set.of("Open - Not Contacted", "New", "Open");
  private static final int LOCK_RETRIES = 3;

  private final Org org;
  private final Writes writes;
  private final Random random;
  private final ScheduledExecutorService scheduler;
  // The assignment each lead's pending touch belongs to; a newer assignment replaces it.
  private final Map<String, Assignment> pending = new ConcurrentHashMap<>();
  private volatile Optional<RepTouchPlan> plan = Optional.empty();

  /**
   * @param seed seeds the delays and who never touches, so a run can be repeated
   */
  public RepTouches(RestServlet rest, Org org, long seed) {
    this.org = org;
    this.writes = rest.writes();
    this.random = new Random(seed);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "emulator-rep-touch");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Turns touching on with this plan (for assignments from now on), or off with empty. */
  public void set(Optional<RepTouchPlan> newPlan) {
    plan = newPlan;
  }

  public Optional<RepTouchPlan> plan() {
    return plan;
  }

  /**
   * Hears a change event the org published: a Lead whose OwnerId became a user gets a touch
   * scheduled, one that went to a queue loses its pending touch.
   */
  public void changeEvent(String channel, Map<String, Object> data) {
    if (!"/data/LeadChangeEvent".equals(channel)
        || !(data.get("payload") instanceof Map<?, ?> payload)
        || !(payload.get("OwnerId") instanceof String owner)
        || !(payload.get("ChangeEventHeader") instanceof Map<?, ?> header)
        || !(header.get("recordIds") instanceof List<?> ids)) {
      return;
    }
    boolean user = SalesforceId.parse(owner).map(SalesforceId::isUser).orElse(false);
    for (Object id : ids) {
      String leadId = String.valueOf(id);
      if (!user) {
        pending.remove(leadId);
        continue;
      }
      Optional<RepTouchPlan> current = plan;
      if (current.isEmpty()) {
        continue;
      }
      Assignment assignment = new Assignment(leadId, owner);
      long delayMillis;
      synchronized (random) {
        if (random.nextDouble() < current.get().neverShare()) {
          pending.remove(leadId);
          continue;
        }
        long min = current.get().min().toMillis();
        long spread = current.get().max().toMillis() - min;
        delayMillis = min + (spread == 0 ? 0 : (long) (random.nextDouble() * (spread + 1)));
      }
      pending.put(leadId, assignment);
      schedule(assignment, delayMillis, 0);
    }
  }

  private void schedule(Assignment assignment, long delayMillis, int attempt) {
    try {
      scheduler.schedule(() -> touch(assignment, attempt), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      pending.remove(assignment.leadId(), assignment);
    }
  }

  private void touch(Assignment assignment, int attempt) {
    // A later assignment (or a queue) superseded this one: its own touch, if any, will come.
    if (pending.get(assignment.leadId()) != assignment) {
      return;
    }
    Optional<Map<String, Object>> lead = org.data().find(SObjectType.LEAD, assignment.leadId());
    if (lead.isEmpty()
        || !assignment.ownerId().equals(lead.get().get("OwnerId"))
        || !untouched(lead.get().get("Status"))) {
      pending.remove(assignment.leadId(), assignment);
      return;
    }
    try {
      writes
          .beginUi(assignment.ownerId())
          .update(SObjectType.LEAD, assignment.leadId(), Map.of("Status", TOUCHED));
      pending.remove(assignment.leadId(), assignment);
    } catch (RowError e) {
      // e.g. UNABLE_TO_LOCK_ROW from the fault plan: a person saves again a moment later.
      if (attempt + 1 < LOCK_RETRIES) {
        schedule(assignment, 1000, attempt + 1);
      } else {
        pending.remove(assignment.leadId(), assignment);
        LOG.debug("rep touch of {} gave up: {}", assignment.leadId(), e.getMessage());
      }
    } catch (RuntimeException e) {
      pending.remove(assignment.leadId(), assignment);
      LOG.warn("rep touch of {} failed", assignment.leadId(), e);
    }
  }

  private static boolean untouched(Object status) {
    return status == null || status.toString().isBlank() || UNTOUCHED.contains(status.toString());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** One owner assignment; compared by identity, so a repeat assignment supersedes it too. */
  private static final class Assignment {
    private final String leadId;
    private final String ownerId;

    Assignment(String leadId, String ownerId) {
      this.leadId = leadId;
      this.ownerId = ownerId;
    }

    String leadId() {
      return leadId;
    }

    String ownerId() {
      return ownerId;
    }
  }
}

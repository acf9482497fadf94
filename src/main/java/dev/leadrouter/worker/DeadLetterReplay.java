package dev.leadrouter.worker;

import com.google.inject.Inject;
import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventParser;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.capture.MalformedEvent;
import dev.leadrouter.capture.ParseResult;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.store.DeadLetter;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.store.StoreException;
import dev.leadrouter.write.BatchWriter;
import dev.leadrouter.write.OwnerUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Replays a dead letter once through the pipeline's own parts: parse it again (a gap event's leads
 * are read again by query), route its leads (a lead routed meanwhile is not routed twice), write
 * the owners. A replay that fails again leaves the dead letter waiting, with the new reason.
 */
public final class DeadLetterReplay {

  /** How one replay went. */
  public record Result(long id, boolean replayed, String detail) {}

  private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
  private static final int BATCH = 200;

  private final DeadLetters deadLetters;
  private final LeadRouting routing;
  private final BatchWriter writer;
  private final ChangeEventParser parser;
  private final LeadReader reader;
  private final String clientId;

  @Inject
  public DeadLetterReplay(
      DeadLetters deadLetters,
      LeadRouting routing,
      BatchWriter writer,
      ChangeEventParser parser,
      RestClient rest,
      WorkerSettings settings) {
    this.deadLetters = deadLetters;
    this.routing = routing;
    this.writer = writer;
    this.parser = parser;
    this.reader = new LeadReader(rest);
    this.clientId = settings.salesforce().callOptionsClient();
  }

  /** Dead letters not yet replayed, oldest first. */
  public List<DeadLetter> waiting() {
    return deadLetters.list().stream().filter(letter -> !letter.replayed()).toList();
  }

  /** Replays one dead letter; empty when there is no such id. */
  public Optional<Result> replay(long id) {
    return deadLetters.find(id).map(this::replay);
  }

  public Result replay(DeadLetter letter) {
    if (letter.replayed()) {
      return new Result(letter.id(), false, "already replayed at " + letter.replayedAt());
    }
    ParseResult parsed = parser.parseJson(letter.source(), letter.payload());
    if (parsed instanceof MalformedEvent malformed) {
      return failedAgain(letter, "still malformed: " + malformed.reason());
    }
    ChangeEvent event = (ChangeEvent) parsed;
    boolean gap = event.header().changeType() == ChangeType.GAP_CREATE;
    if (event.header().changeOrigin().isFrom(clientId)
        || !(gap || LeadEvents.isLeadCreation(event))
        || !LeadEvents.LEAD.equals(event.header().entityName())) {
      return done(letter, "nothing to route (not a new lead from someone else)");
    }
    List<Lead> leads;
    try {
      leads = LeadEvents.leads(event);
      if (gap) {
        // A gap event names the leads but carries none of their values: read them again.
        leads = reader.read(leads.stream().map(Lead::id).toList(), routing.ruleSet());
      }
    } catch (LeadEvents.UnroutableEvent unroutable) {
      return failedAgain(letter, unroutable.getMessage());
    } catch (SalesforceException unreadable) {
      return failedAgain(letter, "could not re-read the leads: " + unreadable.getMessage());
    }
    List<OwnerUpdate> updates = new ArrayList<>();
    int routed = 0;
    try {
      for (Lead lead : leads) {
        MDC.put("leadId", lead.id());
        try {
          LeadRouting.Outcome outcome = routing.route(lead, null);
          if (outcome instanceof LeadRouting.Routed r) {
            routed++;
            r.update().ifPresent(updates::add);
          }
        } finally {
          MDC.remove("leadId");
        }
      }
    } catch (StoreException storeFailed) {
      return failedAgain(letter, "could not record a decision: " + storeFailed.getMessage());
    }
    int refused = 0;
    for (int from = 0; from < updates.size(); from += BATCH) {
      refused +=
          writer
              .write(
                  updates.subList(from, Math.min(updates.size(), from + BATCH)),
                  BatchWriter.Path.COLLECTIONS)
              .size();
    }
    // Decisions are durable either way; owners Salesforce kept refusing stay planned and are
    // written when the worker next starts.
    return done(
        letter,
        routed
            + " of "
            + leads.size()
            + " leads routed, "
            + (updates.size() - refused)
            + " owner updates sent"
            + (refused > 0 ? ", " + refused + " left planned for the worker" : ""));
  }

  private Result done(DeadLetter letter, String detail) {
    deadLetters.markReplayed(letter.id());
    log.info("dead letter {} replayed: {}", letter.id(), detail);
    return new Result(letter.id(), true, detail);
  }

  private Result failedAgain(DeadLetter letter, String reason) {
    deadLetters.failedAgain(letter.id(), reason);
    log.warn("dead letter {} failed again: {}", letter.id(), reason);
    return new Result(letter.id(), false, reason);
  }
}

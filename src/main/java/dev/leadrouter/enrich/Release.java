package dev.leadrouter.enrich;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.route.ReasonCode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A lead {@link HoldUntilEnriched} lets go of, to be routed now.
 *
 * @param leadId the lead's id
 * @param lead the lead with every field that arrived while it waited
 * @param why why it goes now
 * @param waited how long it was held; zero when it never was
 */
public record Release(String leadId, Lead lead, Why why, Duration waited) {

  /** Why a lead is released. */
  public enum Why {
    /** It had the fields from the start, or holding is off: it was never held. */
    COMPLETE,
    /** The fields arrived on a later change event. */
    ENRICHED,
    /** The maximum wait passed first. */
    TIMED_OUT,
    /** Too many leads were waiting and this one had waited longest. */
    EVICTED
  }

  public Release {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(waited, "waited");
  }

  /**
   * Reasons to put in the decision ({@code LeadInput.withInputReasons}): {@link
   * ReasonCode#ENRICHMENT_TIMEOUT} when the lead goes without the fields it waited for.
   */
  public List<ReasonCode> inputReasons() {
    return why == Why.TIMED_OUT || why == Why.EVICTED
        ? List.of(ReasonCode.ENRICHMENT_TIMEOUT)
        : List.of();
  }
}

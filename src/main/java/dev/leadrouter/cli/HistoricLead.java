package dev.leadrouter.cli;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import java.time.Instant;

/**
 * A lead from an export or the org, with the owner it has and when it was created (either may be
 * {@code null} when not given).
 */
record HistoricLead(Lead lead, SalesforceId owner, Instant createdAt) {}

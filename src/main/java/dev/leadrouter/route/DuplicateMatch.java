package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;

/** An open lead or a contact that the new lead duplicates, and who owns it. */
public record DuplicateMatch(SalesforceId recordId, SalesforceId ownerId, boolean ownerActive) {}

/**
 * Enrich: adds firmographics to a lead before it is scored and routed. An {@link
 * dev.leadrouter.enrich.Enricher} fills blank fields from an outside provider (cached, retried,
 * behind a circuit breaker, never holding up the stream), and {@link
 * dev.leadrouter.enrich.HoldUntilEnriched} lets a new lead wait, bounded in time and number, for an
 * enrichment tool in the org to fill named fields.
 */
package dev.leadrouter.enrich;

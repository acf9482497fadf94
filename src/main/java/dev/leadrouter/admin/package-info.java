/**
 * Admin: the ops HTTP endpoint. {@code /health} (open) sums up the {@link
 * dev.leadrouter.admin.HealthIndicator}s bound by the stages; {@code /metrics} serves the
 * Micrometer registry the worker records into, in Prometheus text format; every other path needs
 * the admin token when one is configured.
 */
package dev.leadrouter.admin;

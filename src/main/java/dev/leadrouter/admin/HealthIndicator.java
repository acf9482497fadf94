package dev.leadrouter.admin;

/**
 * A part of the worker that can say how it is doing: the change stream, the writer, the store, the
 * enrichment provider. Stages contribute theirs with a Guice multibinder:
 *
 * <pre>{@code
 * Multibinder.newSetBinder(binder(), HealthIndicator.class).addBinding().to(StreamHealth.class);
 * }</pre>
 *
 * <p>{@link #check()} is called on every {@code /health} request, from the admin server's thread:
 * it must answer from state the component already holds, quickly, without I/O.
 */
public interface HealthIndicator {

  /** The component's name in the health report, e.g. {@code capture}; unique among indicators. */
  String name();

  /** The component's health now. An exception counts as {@link HealthStatus#DOWN}. */
  Health check();
}

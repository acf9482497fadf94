package dev.leadrouter.store;

/**
 * A write refused because another worker holds the lease (or this one is a standby): nothing was
 * written. A {@link StoreException}, so callers already leave the work for the active worker.
 */
public final class FencedException extends StoreException {

  public FencedException(String message) {
    super(message);
  }
}

package dev.leadrouter.sla;

import dev.leadrouter.write.OwnerUpdate;

/**
 * Where a reassignment's owner update goes: the worker's writer, so it is batched with the rest.
 */
@FunctionalInterface
public interface OwnerUpdateSink {
  void submit(OwnerUpdate update) throws InterruptedException;
}

package dev.leadrouter.ha;

import dev.leadrouter.store.Fence;

/** {@link Leadership#alone()}: no lease, no fence, nothing to lose. */
final class Alone implements Leadership {

  @Override
  public boolean awaitActive() {
    return true;
  }

  @Override
  public Role role() {
    return Role.ALONE;
  }

  @Override
  public long epoch() {
    return 0;
  }

  @Override
  public Fence fence() {
    return Fence.NONE;
  }

  @Override
  public void onLost(Runnable listener) {}

  @Override
  public void close() {}
}

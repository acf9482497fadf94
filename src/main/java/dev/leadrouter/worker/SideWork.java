package dev.leadrouter.worker;

/** Work beside routing that starts and stops with a LIVE worker (SLA tracking). */
public interface SideWork extends AutoCloseable {

  /** Nothing beside routing. */
  SideWork NONE =
      new SideWork() {
        @Override
        public void start() {}

        @Override
        public void close() {}
      };

  /** Runs at start, before the writes the last run planned resume. */
  void start();

  /** Stops, before the routing thread and the writer stop. */
  @Override
  void close();
}

package dev.leadrouter.capture;

/** Where a channel without a checkpoint starts: Salesforce's two special replay ids. */
public enum InitialReplay {
  /** {@code -1}: only events published after subscribing. */
  NEW_ONLY(-1),
  /** {@code -2}: every retained event (72 hours for change events). */
  ALL_RETAINED(-2);

  private final long replayId;

  InitialReplay(long replayId) {
    this.replayId = replayId;
  }

  public long replayId() {
    return replayId;
  }
}

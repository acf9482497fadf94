package dev.leadrouter.store;

/**
 * The lead already has a decision that has not failed, so a second one was refused and nothing was
 * recorded. On a replay after a restart this is expected: the event's effect is already durable.
 */
public final class AlreadyRoutedException extends StoreException {

  private final String leadId;

  public AlreadyRoutedException(String leadId, Throwable cause) {
    super("lead " + leadId + " is already routed", cause);
    this.leadId = leadId;
  }

  public String leadId() {
    return leadId;
  }
}

package dev.leadrouter.capture;

/**
 * A message that could not be parsed into a {@link ChangeEvent}; kept whole so it can be
 * dead-lettered and replayed once the cause is fixed.
 *
 * @param reason what was wrong, naming the field
 * @param rawPayload the message data as JSON (or as Java's text of it when it could not be written)
 */
public record MalformedEvent(String channel, String reason, String rawPayload)
    implements ParseResult {}

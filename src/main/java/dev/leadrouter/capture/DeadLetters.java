package dev.leadrouter.capture;

/**
 * Keeps messages that could not be parsed, with the reason, for an operator to replay. Called on a
 * streaming thread; the message is durable once the call returns, because a malformed message has
 * no replay id to hold the checkpoint back with.
 */
@FunctionalInterface
public interface DeadLetters {

  void store(MalformedEvent event);
}

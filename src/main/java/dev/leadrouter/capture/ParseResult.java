package dev.leadrouter.capture;

/**
 * What parsing one streaming message gives: a {@link ChangeEvent}, or a {@link MalformedEvent} to
 * dead-letter. Parsing never throws, so one bad message cannot stop the stream.
 */
public sealed interface ParseResult permits ChangeEvent, MalformedEvent {

  /** The channel the message arrived on. */
  String channel();
}

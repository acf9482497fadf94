package dev.leadrouter.store;

import java.time.Instant;

/** An escalation step claimed on a clock; {@code doneAt} is {@code null} until carried out. */
public record ClaimedStep(
    long clockId, EscalationStep step, Instant claimedAt, Instant doneAt, String detail) {}

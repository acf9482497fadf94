package dev.leadrouter.emulator.generator;

import java.time.Instant;
import java.util.Optional;

/**
 * One submitted lead and what became of it.
 *
 * @param id the org's id for it; empty when it could not be created
 * @param submittedAt when the form handler started to send it
 * @param createdAt when the org confirmed it (the start of its speed-to-lead clock); empty when it
 *     failed
 * @param error why it failed, when it did
 */
public record GeneratedLead(
    PlannedLead lead,
    Optional<String> id,
    Instant submittedAt,
    Optional<Instant> createdAt,
    Optional<String> error) {}

package dev.leadrouter.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Names and tags of the worker's meters, in one place so dashboards have one list to follow. */
final class WorkerMeters {

  private WorkerMeters() {}

  static Counter deadLetters(MeterRegistry meters, String cause) {
    return Counter.builder("leadrouter.dead.letters")
        .description("events parked in the dead-letter table, by cause")
        .tag("cause", cause)
        .register(meters);
  }

  static Counter eventsIn(MeterRegistry meters, String entity, String changeType) {
    return Counter.builder("leadrouter.events.in")
        .description("change events taken from the stream")
        .tag("entity", entity)
        .tag("change_type", changeType)
        .register(meters);
  }

  static Counter decisions(MeterRegistry meters, String rule, String mode) {
    return Counter.builder("leadrouter.decisions")
        .description("decisions recorded, by rule and mode")
        .tag("rule", rule)
        .tag("mode", mode)
        .register(meters);
  }

  static Counter reasons(MeterRegistry meters, String reason) {
    return Counter.builder("leadrouter.decision.reasons")
        .description("reason codes of recorded decisions")
        .tag("reason", reason)
        .register(meters);
  }

  static Counter skipped(MeterRegistry meters, String why) {
    return Counter.builder("leadrouter.events.skipped")
        .description("events or leads not routed, by why")
        .tag("why", why)
        .register(meters);
  }

  static Counter held(MeterRegistry meters, String why) {
    return Counter.builder("leadrouter.enrich.released")
        .description("leads that waited for enrichment fields, by why they were let go")
        .tag("why", why)
        .register(meters);
  }

  static Counter enrichment(MeterRegistry meters, String outcome) {
    return Counter.builder("leadrouter.enrich.outcomes")
        .description("enrichment attempts, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }
}

package dev.leadrouter.worker;

import dev.leadrouter.admin.Health;
import dev.leadrouter.admin.HealthIndicator;
import dev.leadrouter.capture.CdcSubscriber;
import dev.leadrouter.enrich.Enricher;
import dev.leadrouter.ha.Leadership;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.write.OwnerWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The worker's parts as the admin endpoint reports them. Each check reads state the part already
 * holds (no I/O), as {@link HealthIndicator} asks.
 */
final class WorkerHealth implements HealthIndicator {

  private final String name;
  private final Supplier<Health> check;

  private WorkerHealth(String name, Supplier<Health> check) {
    this.name = Objects.requireNonNull(name, "name");
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Health check() {
    return check.get();
  }

  /**
   * Down when the stream gave up, when a channel's subscribe was refused (it is asked again), or
   * when a channel lost its subscription after start-up; degraded while the channels first
   * subscribe; the lag in events otherwise. A channel without a subscription receives nothing, so
   * it must not pass for healthy.
   */
  static HealthIndicator capture(CdcSubscriber source) {
    return new WorkerHealth(
        "capture",
        () -> {
          if (source.failure().isPresent()) {
            return Health.down("the change stream gave up: " + source.failure().get());
          }
          Map<String, String> refused = source.refusedSubscribes();
          if (!refused.isEmpty()) {
            return Health.down("subscribe refused, asking again: " + refused);
          }
          List<String> unsubscribed = source.unsubscribedChannels();
          if (!unsubscribed.isEmpty()) {
            String channels = String.join(", ", unsubscribed);
            return source.everFullySubscribed()
                ? Health.down("not subscribed to " + channels + "; subscribing again")
                : Health.degraded("not subscribed to " + channels + " (yet)");
          }
          return Health.up(
              "connected; " + source.backlog() + " events received and not yet routed");
        });
  }

  /** Where this worker stands among the workers sharing the store, with its lease's epoch. */
  static HealthIndicator leadership(Leadership leadership) {
    return new WorkerHealth(
        "leadership",
        () ->
            switch (leadership.role()) {
              case ALONE -> Health.up("active; runs alone (high availability off)");
              case ACTIVE ->
                  Health.up("active; holds the worker lease, epoch " + leadership.epoch());
              case STANDBY ->
                  Health.up("standby; takes over when the active worker stops renewing the lease");
              case LOST ->
                  Health.down("lost the worker lease (epoch " + leadership.epoch() + "); stopping");
            });
  }

  /**
   * {@code check} once this worker is active; a standby is not subscribed by design, which is
   * healthy.
   */
  static HealthIndicator standingBy(Leadership leadership, HealthIndicator check) {
    return new WorkerHealth(
        check.name(),
        () ->
            leadership.role() == Leadership.Role.STANDBY
                ? Health.up("standby; subscribes once this worker is active")
                : check.check());
  }

  /** Down while decisions cannot be recorded (events are then parked or replayed later). */
  static HealthIndicator store(RoutingPipeline pipeline) {
    return new WorkerHealth(
        "store",
        () ->
            pipeline.storeFailing()
                ? Health.down("the last decision could not be recorded")
                : Health.up("recording decisions"));
  }

  /** Degraded when more updates wait than the Bulk API threshold: the org is not keeping up. */
  static HealthIndicator writeBacklog(OwnerWriter writer, int bulkThreshold) {
    return new WorkerHealth(
        "write",
        () -> {
          int waiting = writer.backlog();
          String detail = waiting + " owner updates waiting";
          return waiting > bulkThreshold ? Health.degraded(detail) : Health.up(detail);
        });
  }

  static HealthIndicator rules(Supplier<RuleSet> rules) {
    return new WorkerHealth(
        "rule-set",
        () -> {
          RuleSet ruleSet = rules.get();
          return Health.up(
              "rule set " + ruleSet.version() + " with " + ruleSet.rules().size() + " rules");
        });
  }

  static HealthIndicator enrichment(Enricher enricher, RoutingPipeline pipeline) {
    return new WorkerHealth(
        "enrichment",
        () -> {
          String held = pipeline.held() + " leads waiting for enrichment fields";
          return enricher.available()
              ? Health.up(held)
              : Health.degraded("provider skipped after failures; " + held);
        });
  }

  static HealthIndicator matching(MatchIndexes indexes) {
    return new WorkerHealth(
        "matching",
        () ->
            Health.up(
                indexes.accountCount()
                    + " accounts and "
                    + indexes.duplicateCount()
                    + " open leads and contacts indexed"));
  }
}

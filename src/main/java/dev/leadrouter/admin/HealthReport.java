package dev.leadrouter.admin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The worker's health: the worst of its components' statuses, and each component's own.
 *
 * @param status UP when every component is, DOWN when any is, DEGRADED otherwise
 * @param components each component's health by name, in name order
 */
public record HealthReport(HealthStatus status, Map<String, Health> components) {

  public HealthReport {
    components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }

  /** Asks every indicator; one that throws is reported DOWN with the kind of failure. */
  public static HealthReport of(Set<HealthIndicator> indicators) {
    Map<String, Health> components = new LinkedHashMap<>();
    HealthStatus overall = HealthStatus.UP;
    for (HealthIndicator indicator :
        indicators.stream().sorted(Comparator.comparing(HealthIndicator::name)).toList()) {
      Health health = checked(indicator);
      components.put(indicator.name(), health);
      overall = overall.worse(health.status());
    }
    return new HealthReport(overall, components);
  }

  private static Health checked(HealthIndicator indicator) {
    try {
      Health health = indicator.check();
      return health == null ? Health.down("the health check answered nothing") : health;
    } catch (RuntimeException failed) {
      // The class name only: an exception message may carry a URL with a token or a password.
      return Health.down("the health check failed: " + failed.getClass().getSimpleName());
    }
  }
}

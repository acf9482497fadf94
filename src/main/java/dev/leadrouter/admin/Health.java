package dev.leadrouter.admin;

import java.util.Objects;

/**
 * One component's health as its {@link HealthIndicator} reports it.
 *
 * @param status how it is doing
 * @param detail a short sentence for the operator; never a secret
 */
public record Health(HealthStatus status, String detail) {

  public Health {
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
  }

  public static Health up(String detail) {
    return new Health(HealthStatus.UP, detail);
  }

  public static Health degraded(String detail) {
    return new Health(HealthStatus.DEGRADED, detail);
  }

  public static Health down(String detail) {
    return new Health(HealthStatus.DOWN, detail);
  }
}

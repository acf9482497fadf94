package dev.leadrouter.notify;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;

/**
 * A channel with retries and a circuit breaker: a channel that keeps failing (the mail server is
 * down) is left alone for a while instead of slowing every escalation pass.
 */
public final class ResilientChannel implements NotificationChannel {

  private final NotificationChannel channel;
  private final Retry retry;
  private final CircuitBreaker breaker;

  public ResilientChannel(
      NotificationChannel channel, int attempts, Duration retryWait, Duration openFor) {
    this.channel = channel;
    this.breaker =
        CircuitBreaker.of(
            channel.name(),
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .build());
    this.retry =
        Retry.of(
            channel.name(),
            RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retryWait, 2.0))
                .retryExceptions(NotificationException.class)
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
  }

  @Override
  public String name() {
    return channel.name();
  }

  public CircuitBreaker.State state() {
    return breaker.getState();
  }

  @Override
  public void send(Notice notice) {
    try {
      Retry.decorateRunnable(
              retry, CircuitBreaker.decorateRunnable(breaker, () -> channel.send(notice)))
          .run();
    } catch (CallNotPermittedException open) {
      throw new NotificationException(channel.name() + " is paused after repeated failures");
    }
  }
}

package dev.leadrouter.worker;

import com.google.inject.Inject;
import dev.leadrouter.capture.DeadLetters;
import dev.leadrouter.capture.MalformedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages capture could not parse, parked in the store's dead-letter table under their channel, so
 * {@code lead-router dlq replay} can parse them again.
 */
public final class StoreDeadLetterSink implements DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(StoreDeadLetterSink.class);

  private final dev.leadrouter.store.DeadLetters store;
  private final Counter counter;

  @Inject
  public StoreDeadLetterSink(dev.leadrouter.store.DeadLetters store, MeterRegistry meters) {
    this.store = store;
    this.counter = WorkerMeters.deadLetters(meters, "malformed");
  }

  @Override
  public void store(MalformedEvent event) {
    long id = store.add(event.channel(), event.reason(), event.rawPayload());
    counter.increment();
    log.warn("dead letter {} on {}: {}", id, event.channel(), event.reason());
  }
}

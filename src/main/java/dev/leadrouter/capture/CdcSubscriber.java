package dev.leadrouter.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to change-event channels over CometD with durable replay, as Salesforce's EMP
 * connector does, and hands parsed events to the pipeline through a bounded queue: when the
 * pipeline is slow the streaming thread waits, rather than memory filling up. A channel's
 * checkpoint moves only when the pipeline {@linkplain #acknowledge acknowledges} an event whose
 * effect is durable. Our own echoes are acknowledged here; gap events and invalid replay ids go to
 * the reconciler; unparseable messages to the dead letters.
 */
public final class CdcSubscriber implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CdcSubscriber.class);
  private static final long STOP_WAIT_MS = 2_000;

  private final SubscriberSettings settings;
  private final AccessTokenSource tokens;
  private final CheckpointStore checkpoints;
  private final Consumer<ReconciliationRequest> reconciler;
  private final Consumer<MalformedEvent> deadLetters;
  private final Clock clock;
  private final ChangeEventParser parser = new ChangeEventParser();
  private final ReplayExtension replay = new ReplayExtension();
  private final AckTracker pending = new AckTracker();
  private final BlockingQueue<ChangeEvent> queue;
  private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
  private final ExecutorService control =
      Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "cdc-subscriber-control"));
  private volatile boolean running;
  private final AtomicInteger refusedHandshakes = new AtomicInteger();
  // Apart from the object's own lock, which start and close hold while the client stops: an
  // acknowledgement on a streaming thread must not wait for that.
  private final Object commitLock = new Object();
  private volatile StreamingError failure;
  private HttpClient http;
  private TokenTransport transport;
  private BayeuxClient client;

  public CdcSubscriber(
      SubscriberSettings settings,
      AccessTokenSource tokens,
      CheckpointStore checkpoints,
      Consumer<ReconciliationRequest> reconciler,
      Consumer<MalformedEvent> deadLetters,
      Clock clock) {
    this.settings = settings;
    this.tokens = tokens;
    this.checkpoints = checkpoints;
    this.reconciler = reconciler;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
  }

  /** Connects and subscribes; returns at once, events then arrive on {@link #poll}. */
  public synchronized void start() throws Exception {
    for (String channel : settings.channels()) {
      long from =
          checkpoints
              .load(channel)
              .map(ReplayCheckpoint::replayId)
              .orElse(settings.initialReplay().replayId());
      replay.resumeFrom(channel, from);
    }
    running = true;
    http = new HttpClient();
    http.start();
    transport = new TokenTransport(http, tokens);
    client = new BayeuxClient(settings.cometdUri().toString(), transport);
    client.addExtension(replay);
    client
        .getChannel(Channel.META_HANDSHAKE)
        .addListener((ClientSessionChannel.MessageListener) this::onHandshake);
    client
        .getChannel(Channel.META_CONNECT)
        .addListener((ClientSessionChannel.MessageListener) this::onConnect);
    client.handshake();
  }

  /** The next event, waiting up to {@code timeout}; null when none came. */
  public ChangeEvent poll(Duration timeout) throws InterruptedException {
    return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The event's effect is durable (or it was dead-lettered or reconciled): its checkpoint may be
   * committed once every earlier event on its channel is acknowledged too.
   */
  public void acknowledge(ChangeEvent event) {
    // One at a time, so two acknowledgements never commit out of order.
    synchronized (commitLock) {
      pending
          .acknowledged(event.channel(), event.replayId())
          .ifPresent(
              replayId ->
                  checkpoints.commit(
                      new ReplayCheckpoint(event.channel(), replayId, clock.instant())));
    }
  }

  /** Events received and waiting for the pipeline; at most the queue capacity. */
  public int backlog() {
    return queue.size();
  }

  public boolean isSubscribed(String channel) {
    return subscribed.contains(channel);
  }

  /** Why the subscriber gave up (a token refused even after a refresh), if it did. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure).map(StreamingError::toString);
  }

  private void onHandshake(ClientSessionChannel meta, Message reply) {
    if (reply.isSuccessful()) {
      refusedHandshakes.set(0);
      if (!replay.serverSupportsReplay()) {
        log.warn("server did not confirm replay support; events may be missed on reconnect");
      }
      settings.channels().forEach(this::subscribe);
      return;
    }
    subscribed.clear();
    StreamingError error = StreamingError.of(reply);
    boolean retry = running && error.code() == 401 && refusedHandshakes.incrementAndGet() <= 1;
    if (retry) {
      log.info("handshake refused ({}); refreshing the access token", error);
      tokens.refresh(transport.lastSent());
      rehandshake();
    } else if (error.code() == 401 || error.code() == 403) {
      log.error("handshake refused ({}); giving up", error);
      failure = error;
    } else {
      log.warn("handshake failed ({}); the client retries as advised", error);
    }
  }

  private void onConnect(ClientSessionChannel meta, Message reply) {
    if (reply.isSuccessful()) {
      return;
    }
    subscribed.clear();
    StreamingError error = StreamingError.of(reply);
    if (error.isAuthenticationInvalid() && running) {
      // Salesforce advises reconnect=none here; the client stops, so we log in and start over.
      log.info("session token expired ({}); refreshing and handshaking again", error);
      tokens.refresh(transport.lastSent());
      rehandshake();
    } else {
      // 403::Unknown client comes with advice reconnect=handshake; the client re-handshakes.
      log.info("connect failed ({}); following the server's advice", error);
    }
  }

  private void rehandshake() {
    control.execute(
        () -> {
          client.waitFor(STOP_WAIT_MS, BayeuxClient.State.DISCONNECTED);
          if (running) {
            client.handshake();
          }
        });
  }

  private void subscribe(String channel) {
    client
        .getChannel(channel)
        .subscribe(
            (ignored, message) -> onEvent(channel, message), reply -> onSubscribe(channel, reply));
  }

  private void onSubscribe(String channel, Message reply) {
    if (reply.isSuccessful()) {
      subscribed.add(channel);
      return;
    }
    StreamingError error = StreamingError.of(reply);
    if (error.isInvalidReplayId()
        && replay.position(channel) != InitialReplay.ALL_RETAINED.replayId()) {
      log.warn("replay id refused on {} ({}); replaying all retained events", channel, error);
      replay.resumeFrom(channel, InitialReplay.ALL_RETAINED.replayId());
      reconciler.accept(
          new ReconciliationRequest(
              channel,
              checkpoints.load(channel),
              ReconciliationRequest.Reason.REPLAY_ID_INVALID,
              Optional.empty()));
      subscribe(channel);
    } else {
      log.error("subscribe to {} failed: {}", channel, error);
    }
  }

  private void onEvent(String channel, Message message) {
    ParseResult result = parser.parse(channel, message.getDataAsMap());
    if (result instanceof MalformedEvent malformed) {
      deadLetters.accept(malformed);
      return;
    }
    ChangeEvent event = (ChangeEvent) result;
    long position = replay.position(channel);
    if (position >= 0 && event.replayId() <= position) {
      log.debug("dropping {} on {}: already received", event.replayId(), channel);
      return;
    }
    pending.received(channel, event.replayId());
    replay.received(channel, event.replayId());
    if (event.header().changeOrigin().isFrom(settings.clientId())) {
      acknowledge(event);
    } else if (event.header().changeType().needsReconciliation()) {
      reconciler.accept(
          new ReconciliationRequest(
              channel,
              checkpoints.load(channel),
              ReconciliationRequest.Reason.GAP_EVENT,
              Optional.of(event)));
    } else {
      enqueue(event);
    }
  }

  /** Blocks the streaming thread while the queue is full: that is the back-pressure. */
  private void enqueue(ChangeEvent event) {
    try {
      while (running && !queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
        // Keep waiting; re-checking running lets close() end the wait.
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() throws Exception {
    running = false;
    control.shutdownNow();
    if (client != null) {
      client.disconnect(STOP_WAIT_MS);
    }
    if (http != null) {
      http.stop();
    }
  }
}

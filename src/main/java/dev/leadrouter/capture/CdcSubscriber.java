package dev.leadrouter.capture;

import dev.leadrouter.config.SecureTransport;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
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
public final class CdcSubscriber implements ChangeEventSource {

  private static final Logger log = LoggerFactory.getLogger(CdcSubscriber.class);
  private static final long STOP_WAIT_MS = 2_000;
  private static final long FIRST_RETRY_MS = 100;
  private static final long MAX_RETRY_MS = 30_000;

  private final SubscriberSettings settings;
  private final AccessTokenSource tokens;
  private final CheckpointStore checkpoints;
  private final Reconciler reconciler;
  private final ReplayExtension replay = new ReplayExtension();
  private final EventIntake intake;
  private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> subscribeRetries = new ConcurrentHashMap<>();
  // Channels whose last subscribe was refused, with the error, until a subscribe succeeds.
  private final Map<String, StreamingError> refusedSubscribes = new ConcurrentHashMap<>();
  // Counts successful handshakes: a subscribe reply from an earlier session is stale, since the
  // later handshake subscribed every channel again.
  private final AtomicLong session = new AtomicLong();
  private final IntervalFunction subscribeBackoff =
      IntervalFunction.ofExponentialBackoff(FIRST_RETRY_MS, 2.0, MAX_RETRY_MS);
  // Channels whose replay id expired: resubscribed from the tip, and reconciled by query once that
  // subscription stands, so every event after the query's start is delivered as well.
  private final Map<String, Optional<ReplayCheckpoint>> toReconcile = new ConcurrentHashMap<>();
  private final ScheduledExecutorService control =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> new Thread(runnable, "cdc-subscriber-control"));
  private volatile boolean running;
  private volatile boolean everFullySubscribed;
  private final AtomicInteger refusedHandshakes = new AtomicInteger();
  private volatile StreamingError failure;
  private HttpClient http;
  private TokenTransport transport;
  private BayeuxClient client;

  public CdcSubscriber(
      SubscriberSettings settings,
      AccessTokenSource tokens,
      CheckpointStore checkpoints,
      Reconciler reconciler,
      DeadLetters deadLetters,
      Clock clock) {
    this.settings = settings;
    this.tokens = tokens;
    this.checkpoints = checkpoints;
    this.reconciler = reconciler;
    this.intake = new EventIntake(replay, settings, checkpoints, reconciler, deadLetters, clock);
  }

  @Override
  public synchronized void start() throws Exception {
    if (client != null) {
      throw new IllegalStateException("already started; a subscriber runs once");
    }
    for (String channel : settings.channels()) {
      Optional<ReplayCheckpoint> checkpoint = checkpoints.load(channel);
      long from =
          checkpoint.map(ReplayCheckpoint::replayId).orElse(settings.initialReplay().replayId());
      log.info(
          "{} resumes from replay id {} ({})",
          channel,
          from,
          checkpoint.isPresent() ? "checkpoint" : settings.initialReplay());
      replay.resumeFrom(channel, from);
    }
    running = true;
    http = verifyingHttpClient();
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

  @Override
  public ChangeEvent poll(Duration timeout) throws InterruptedException {
    return intake.poll(timeout);
  }

  @Override
  public void acknowledge(ChangeEvent event) {
    intake.acknowledge(event);
  }

  @Override
  public void reconciled(String channel) {
    log.info("{} reconciled; its checkpoint moves again", channel);
    intake.release(channel);
  }

  @Override
  public int backlog() {
    return intake.backlog();
  }

  @Override
  public long delivered() {
    return intake.delivered();
  }

  public boolean isSubscribed(String channel) {
    return subscribed.contains(channel);
  }

  /**
   * The channels whose last subscribe was refused, with the server's error; each is being asked
   * again with backoff. A channel here receives nothing until then.
   */
  public Map<String, String> refusedSubscribes() {
    Map<String, String> refused = new java.util.TreeMap<>();
    refusedSubscribes.forEach((channel, error) -> refused.put(channel, error.toString()));
    return refused;
  }

  /** Whether every channel has been subscribed at some point of this run (start-up is over). */
  public boolean everFullySubscribed() {
    return everFullySubscribed;
  }

  /** The configured channels not subscribed at this moment. */
  public java.util.List<String> unsubscribedChannels() {
    return settings.channels().stream().filter(channel -> !subscribed.contains(channel)).toList();
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
      // A new session has no subscriptions: every channel subscribes again, each from the last
      // event it received (the replay extension's position).
      long current = session.incrementAndGet();
      subscribed.clear();
      subscribeRetries.clear();
      settings.channels().forEach(channel -> subscribe(channel, current));
      return;
    }
    subscribed.clear();
    Optional<String> untrusted = untrustedCertificate(reply);
    if (untrusted.isPresent()) {
      // Retrying cannot make the certificate trusted; say so once instead of every few seconds.
      log.error("handshake refused: {}; giving up", untrusted.get());
      failure = new StreamingError(0, untrusted.get());
      control.execute(() -> client.disconnect(STOP_WAIT_MS));
      return;
    }
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

  private Optional<String> untrustedCertificate(Message reply) {
    if (reply.get("failure") instanceof Map<?, ?> failed
        && failed.get("exception") instanceof Throwable cause) {
      return SecureTransport.untrustedCertificate(cause, settings.cometdUri());
    }
    return Optional.empty();
  }

  /**
   * Jetty's client with certificate and host-name checks spelt out, so that they stay on whatever
   * Jetty's defaults become.
   */
  private static HttpClient verifyingHttpClient() {
    SslContextFactory.Client tls = new SslContextFactory.Client();
    tls.setSslContext(SecureTransport.verifyingContext());
    tls.setEndpointIdentificationAlgorithm("HTTPS");
    HttpClient client = new HttpClient();
    client.setSslContextFactory(tls);
    return client;
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
    } else if (error.code() == 0 && running) {
      // The connection broke under a long poll. Events the server wrote into it are gone, and
      // CometD would carry on with the same session as if nothing happened; only a new session
      // subscribing from the last event received gets them back.
      log.info("long poll cut ({}); handshaking again to replay from the last event", error);
      restart();
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

  /** Drops the session the client still holds and starts a new one. */
  private void restart() {
    control.execute(
        () -> {
          client.disconnect(STOP_WAIT_MS);
          if (running) {
            client.handshake();
          }
        });
  }

  private void subscribe(String channel, long inSession) {
    client
        .getChannel(channel)
        .subscribe(
            (ignored, message) -> intake.accept(channel, message.getDataAsMap(), () -> running),
            reply -> onSubscribe(channel, inSession, reply));
  }

  private void onSubscribe(String channel, long inSession, Message reply) {
    if (inSession != session.get()) {
      // The session this subscribe was for has been replaced; the new one subscribed again.
      log.debug("stale subscribe reply for {} ignored: {}", channel, reply);
      return;
    }
    if (reply.isSuccessful()) {
      subscribed.add(channel);
      subscribeRetries.remove(channel);
      refusedSubscribes.remove(channel);
      if (subscribed.containsAll(settings.channels())) {
        everFullySubscribed = true;
      }
      Optional<ReplayCheckpoint> expired = toReconcile.remove(channel);
      if (expired != null) {
        if (replay.position(channel) == InitialReplay.NEW_ONLY.replayId()) {
          // Should the session drop before the first event, a resubscribe from the tip would
          // skip what came meanwhile; every retained event is newer than the expired checkpoint.
          replay.resumeFrom(channel, InitialReplay.ALL_RETAINED.replayId());
        }
        reconciler.reconcile(
            new ReconciliationRequest(
                channel,
                expired,
                ReconciliationRequest.Reason.REPLAY_ID_INVALID,
                Optional.empty()));
      }
      return;
    }
    StreamingError error = StreamingError.of(reply);
    if (error.isInvalidReplayId() && replay.position(channel) >= 0) {
      log.warn(
          "replay id refused on {} ({}); resubscribing from the newest event and reconciling by"
              + " query",
          channel,
          error);
      intake.hold(channel);
      toReconcile.put(channel, checkpoints.load(channel));
      replay.resumeFrom(channel, InitialReplay.NEW_ONLY.replayId());
      subscribe(channel, inSession);
    } else if (running) {
      // Any other refusal is asked again, so that no channel stays silently unsubscribed: 503 is
      // overload; 403::subscribe_failed is CometD's answer when the session ended while the
      // subscribe was under way, and 401 an expired token; for those the connect fails as well,
      // and the handshake that follows subscribes again, making this retry stale.
      refusedSubscribes.put(channel, error);
      int attempt = subscribeRetries.merge(channel, 1, Integer::sum);
      long delay = subscribeBackoff.apply(attempt);
      log.warn("subscribe to {} refused ({}); retrying in {} ms", channel, error, delay);
      control.schedule(() -> retrySubscribe(channel, inSession), delay, TimeUnit.MILLISECONDS);
    } else {
      log.info("subscribe to {} failed while stopping: {}", channel, error);
    }
  }

  private void retrySubscribe(String channel, long inSession) {
    if (running && inSession == session.get() && client.isHandshook()) {
      subscribe(channel, inSession);
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

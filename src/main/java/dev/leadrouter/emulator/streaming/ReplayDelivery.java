package dev.leadrouter.emulator.streaming;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Salesforce's replay semantics on a CometD server. A subscribe names where to start in {@code
 * ext.replay} ({@code -1} new only, {@code -2} all retained, {@code N} after event N); an invalid
 * start fails the subscribe with Salesforce's message. Each subscriber has a cursor, and every
 * delivery happens under one lock, so a subscriber gets each event once and in order even while
 * events are published during its replay.
 *
 * <p>A subscriber far behind (a replay after a restart, a burst it has not read yet) is fed in
 * batches, as an org does: at most {@link #EVENTS_PER_POLL} events are queued for a session between
 * two of its {@code /meta/connect} requests, each of which releases the next batch. Queuing the
 * whole backlog at once made one long-poll answer of every retained event, larger than a client
 * buffers; the client cut it, replayed from the same place and got the same answer again.
 */
final class ReplayDelivery
    implements BayeuxServer.Extension,
        BayeuxServer.SubscriptionListener,
        BayeuxServer.SessionListener {

  private static final String START_ATTRIBUTE = "leadrouter.replayStart:";

  /** Events queued for a session between two of its long polls, at most. */
  static final int EVENTS_PER_POLL = 1_000;

  private final Map<String, ReplayLog> logs = new HashMap<>();
  private final Map<ServerSession, Map<String, Long>> cursors = new HashMap<>();
  private final Map<ServerSession, Integer> queuedSincePoll = new HashMap<>();
  private final long firstReplayId;
  private final Duration retention;
  private final Clock clock;
  private LocalSession publisher;

  ReplayDelivery(long firstReplayId, Duration retention, Clock clock) {
    this.firstReplayId = firstReplayId;
    this.retention = retention;
    this.clock = clock;
  }

  /** Call once the server runs: deliveries need a sender session. */
  synchronized void attach(BayeuxServer bayeux) {
    publisher = bayeux.newLocalSession("emulator");
    publisher.handshake();
    bayeux.addExtension(this);
    bayeux.addListener(this);
  }

  /**
   * Appends an event and delivers it; returns its replay id, also set in {@code event.replayId}.
   */
  synchronized long publish(String channel, Map<String, Object> data) {
    ReplayLog log = log(channel);
    long replayId = log.nextReplayId();
    Map<String, Object> stamped = new LinkedHashMap<>(data);
    Map<String, Object> event = new LinkedHashMap<>();
    if (data.get("event") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> event.put(String.valueOf(key), value));
    }
    event.put("replayId", replayId);
    stamped.put("event", event);
    log.append(replayId, stamped);
    cursors.forEach((session, channels) -> catchUp(session, channel, channels));
    return replayId;
  }

  @Override
  public boolean rcvMeta(ServerSession session, ServerMessage.Mutable message) {
    if (Channel.META_CONNECT.equals(message.getChannel()) && session != null) {
      nextBatch(session);
      return true;
    }
    if (!Channel.META_SUBSCRIBE.equals(message.getChannel()) || session == null) {
      return true;
    }
    Object subscription = message.get(Message.SUBSCRIPTION_FIELD);
    if (!(subscription instanceof String channel)) {
      return true;
    }
    Object option = replayOption(message, channel);
    if (option instanceof String rejection) {
      SalesforceErrors.reject(message, rejection);
      return false;
    }
    long replayOption = (Long) option;
    OptionalLong start;
    synchronized (this) {
      start = log(channel).startAfter(replayOption);
    }
    if (start.isEmpty()) {
      SalesforceErrors.reject(message, SalesforceErrors.invalidReplayId(replayOption));
      return false;
    }
    session.setAttribute(START_ATTRIBUTE + channel, start.getAsLong());
    return true;
  }

  /** The replay option as a Long, or the rejection text when the replay map does not name it. */
  private static Object replayOption(ServerMessage message, String channel) {
    Map<String, Object> ext = message.getExt();
    if (ext == null || !(ext.get("replay") instanceof Map<?, ?> replay)) {
      return -1L;
    }
    if (replay.get(channel) instanceof Number number) {
      return number.longValue();
    }
    return SalesforceErrors.replayChannelNotFound(channel, replay);
  }

  @Override
  public synchronized void subscribed(
      ServerSession session, ServerChannel channel, ServerMessage message) {
    if (session.isLocalSession() || channel.isMeta()) {
      return;
    }
    Object start = session.removeAttribute(START_ATTRIBUTE + channel.getId());
    long after = start instanceof Long given ? given : log(channel.getId()).tip();
    Map<String, Long> channels = cursors.computeIfAbsent(session, ignored -> new HashMap<>());
    channels.put(channel.getId(), after);
    catchUp(session, channel.getId(), channels);
  }

  @Override
  public synchronized void unsubscribed(
      ServerSession session, ServerChannel channel, ServerMessage message) {
    Map<String, Long> channels = cursors.get(session);
    if (channels != null) {
      channels.remove(channel.getId());
    }
  }

  @Override
  public synchronized void sessionRemoved(
      ServerSession session, ServerMessage message, boolean timeout) {
    cursors.remove(session);
    queuedSincePoll.remove(session);
  }

  /** The session polls: what was queued goes out with this answer, so the next batch may follow. */
  private synchronized void nextBatch(ServerSession session) {
    queuedSincePoll.put(session, 0);
    Map<String, Long> channels = cursors.get(session);
    if (channels != null) {
      for (String channel : List.copyOf(channels.keySet())) {
        catchUp(session, channel, channels);
      }
    }
  }

  private void catchUp(ServerSession session, String channel, Map<String, Long> channels) {
    Long cursor = channels.get(channel);
    int queued = queuedSincePoll.getOrDefault(session, 0);
    if (cursor == null || queued >= EVENTS_PER_POLL) {
      return;
    }
    for (ReplayLog.Entry entry : log(channel).after(cursor, EVENTS_PER_POLL - queued)) {
      session.deliver(publisher, channel, entry.data(), Promise.noop());
      channels.put(channel, entry.replayId());
      queued++;
    }
    queuedSincePoll.put(session, queued);
  }

  private ReplayLog log(String channel) {
    return logs.computeIfAbsent(channel, ignored -> new ReplayLog(firstReplayId, retention, clock));
  }
}

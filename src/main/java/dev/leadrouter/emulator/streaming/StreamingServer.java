package dev.leadrouter.emulator.streaming;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The emulator's Streaming API: embedded Jetty serving a real CometD server at {@code
 * /cometd/<version>}, with Salesforce's token check, replay semantics and error strings.
 */
public final class StreamingServer implements AutoCloseable {

  /**
   * How the server behaves.
   *
   * @param port 0 for any free port
   * @param longPollTimeout how long a {@code /meta/connect} is held (an org holds it 110 s)
   * @param retention how long events stay replayable (72 h for change events in an org)
   * @param firstReplayId the replay id of a channel's first event
   */
  public record Settings(
      int port,
      String apiVersion,
      Duration longPollTimeout,
      Duration retention,
      long firstReplayId,
      Clock clock) {

    public Settings {
      Objects.requireNonNull(apiVersion, "apiVersion");
      Objects.requireNonNull(clock, "clock");
      if (port < 0 || longPollTimeout.isNegative() || retention.isNegative() || firstReplayId < 1) {
        throw new IllegalArgumentException("invalid streaming settings: " + this);
      }
    }

    /** An org's behaviour on a free port. */
    public static Settings defaults(Clock clock) {
      return new Settings(0, "62.0", Duration.ofSeconds(110), Duration.ofHours(72), 1000, clock);
    }
  }

  private final Settings settings;
  private final TokenPolicy tokens = new TokenPolicy();
  private final SubscribeFaults subscribeFaults = new SubscribeFaults();
  private final ReplayDelivery replay;
  private Server jetty;
  private BayeuxServer bayeux;

  public StreamingServer(Settings settings) {
    this.settings = settings;
    this.replay =
        new ReplayDelivery(settings.firstReplayId(), settings.retention(), settings.clock());
  }

  /** Starts Jetty; returns once clients can connect. */
  public synchronized StreamingServer start() throws Exception {
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setPort(settings.port());
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    mountOn(context);
    jetty.setHandler(context);
    jetty.start();
    started(context);
    return this;
  }

  /**
   * Adds the CometD servlet to a context served by another Jetty server, so the emulated org's REST
   * API and its streaming share one port as in an org. Call {@link #started} once that server runs;
   * the owner of the server also stops it.
   */
  public void mountOn(ServletContextHandler context) {
    ServletHolder cometd = new ServletHolder(CometDServlet.class);
    cometd.setInitParameter("timeout", String.valueOf(settings.longPollTimeout().toMillis()));
    // An org sends events only in /meta/connect replies, never with a subscribe reply.
    // (CometD spells the option without the y.)
    cometd.setInitParameter("metaConnectDeliverOnly", "true");
    // An org forgets a client that has not reconnected within 40 s of its last poll ending.
    cometd.setInitParameter("maxInterval", "40000");
    cometd.setInitOrder(1);
    context.addServlet(cometd, cometdPath() + "/*");
  }

  /** Installs the token check, faults and replay once the context's server has started. */
  public synchronized void started(ServletContextHandler context) {
    bayeux = (BayeuxServer) context.getServletContext().getAttribute(BayeuxServer.ATTRIBUTE);
    bayeux.setSecurityPolicy(tokens);
    bayeux.addExtension(tokens);
    bayeux.addExtension(subscribeFaults);
    bayeux.addExtension(new SalesforceErrors());
    replay.attach(bayeux);
  }

  /**
   * The CometD endpoint, e.g. {@code http://localhost:41234/cometd/62.0}; only for a server run by
   * {@link #start} (a mounted one is reached through its owner's URL).
   */
  public URI cometdUri() {
    return baseUri().resolve(cometdPath());
  }

  /** The instance URL clients are given. */
  public URI baseUri() {
    int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    return URI.create("http://localhost:" + port + "/");
  }

  public void acceptToken(String token) {
    tokens.accept(token);
  }

  /** Expires a token, as a logout or session timeout does; connected clients get a 401. */
  public void revokeToken(String token) {
    tokens.revoke(token);
  }

  /**
   * Publishes an event on a channel, the way an org does for a change: assigns its replay id (into
   * {@code event.replayId} of a copy of {@code data}) and delivers it to every subscriber.
   */
  public long publish(String channel, Map<String, Object> data) {
    return replay.publish(channel, data);
  }

  /** Forgets every client, as an org does after 40 s without a reconnect: next request is 403. */
  public void dropClients() {
    for (ServerSession session : new ArrayList<>(bayeux.getSessions())) {
      if (!session.isLocalSession()) {
        bayeux.removeSession(session);
      }
    }
  }

  /**
   * Cuts every open connection, as a load balancer or a network blip does to a long poll in flight.
   * The clients' sessions stay; a client must reconnect and lose nothing. Only for a server run by
   * {@link #start}.
   *
   * @return how many connections were cut
   */
  public int dropConnections() {
    int cut = 0;
    for (Connector connector : jetty.getConnectors()) {
      for (EndPoint endPoint : connector.getConnectedEndPoints()) {
        endPoint.close();
        cut++;
      }
    }
    return cut;
  }

  /** Fails the next {@code count} subscribes with {@code error}, e.g. {@code 503::...}. */
  public void failNextSubscribes(int count, String error) {
    subscribeFaults.failNext(count, error);
  }

  private String cometdPath() {
    return "/cometd/" + settings.apiVersion();
  }

  @Override
  public synchronized void close() throws Exception {
    if (jetty != null) {
      jetty.stop();
    }
  }
}

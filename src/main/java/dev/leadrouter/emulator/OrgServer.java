package dev.leadrouter.emulator;

import dev.leadrouter.emulator.auth.Sessions;
import dev.leadrouter.emulator.auth.SoapLoginServlet;
import dev.leadrouter.emulator.auth.TokenServlet;
import dev.leadrouter.emulator.cdc.ChangeEvents;
import dev.leadrouter.emulator.faults.FaultAdminServlet;
import dev.leadrouter.emulator.faults.FaultFilter;
import dev.leadrouter.emulator.faults.Faults;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.rest.BulkServlet;
import dev.leadrouter.emulator.rest.RepTouchPlan;
import dev.leadrouter.emulator.rest.RepTouches;
import dev.leadrouter.emulator.rest.RestServlet;
import dev.leadrouter.emulator.streaming.StreamingServer;
import dev.leadrouter.lead.SalesforceId;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A local Salesforce org on one loopback port: the OAuth token endpoint, the SOAP partner {@code
 * login()}, the REST API, Bulk API 1.0 and the Streaming API (CometD) together, as one org host
 * serves them. The org's own writes publish change events; a session from either sign-in works for
 * REST, Bulk and streaming alike.
 */
public final class OrgServer implements AutoCloseable {

  /**
   * How the org behaves.
   *
   * @param port 0 for any free port
   * @param queryBatchSize records per query page (an org sends up to 2,000)
   * @param dailyApiLimit REST calls allowed before REQUEST_LIMIT_EXCEEDED
   */
  public record Settings(
      int port,
      String apiVersion,
      int queryBatchSize,
      long dailyApiLimit,
      Clock clock,
      Duration replayRetention) {

    /** How long an org keeps change events for replay. */
    public static final Duration CHANGE_EVENT_RETENTION = Duration.ofHours(72);

    public Settings {
      Objects.requireNonNull(apiVersion, "apiVersion");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(replayRetention, "replayRetention");
      if (port < 0
          || port > 65_535
          || queryBatchSize < 1
          || dailyApiLimit < 1
          || replayRetention.isNegative()
          || replayRetention.isZero()) {
        throw new IllegalArgumentException("invalid org settings: " + this);
      }
    }

    /** An org that keeps change events 72 hours, as Salesforce does. */
    public Settings(
        int port, String apiVersion, int queryBatchSize, long dailyApiLimit, Clock clock) {
      this(port, apiVersion, queryBatchSize, dailyApiLimit, clock, CHANGE_EVENT_RETENTION);
    }

    /**
     * Keeps change events only this long, so tests and the chaos bench can outlast it: a subscriber
     * returning with an older replay id is refused, as an org refuses one older than 72 hours.
     */
    public Settings withReplayRetention(Duration retention) {
      return new Settings(port, apiVersion, queryBatchSize, dailyApiLimit, clock, retention);
    }

    /** An org's defaults on a free port: pages of 2,000, a Developer Edition's 15,000 calls. */
    public static Settings defaults(Clock clock) {
      return new Settings(0, "62.0", 2000, 15_000, clock);
    }

    public Settings withPort(int newPort) {
      return new Settings(
          newPort, apiVersion, queryBatchSize, dailyApiLimit, clock, replayRetention);
    }

    public Settings withDailyApiLimit(long limit) {
      return new Settings(port, apiVersion, queryBatchSize, limit, clock, replayRetention);
    }

    public Settings withQueryBatchSize(int size) {
      return new Settings(port, apiVersion, size, dailyApiLimit, clock, replayRetention);
    }
  }

  /** The emulated org's id; one org per server. */
  public static final String ORG_ID = new SalesforceId("00DEm0000000001").value();

  private final Settings settings;
  private final Org org;
  private final StreamingServer streaming;
  private final Sessions sessions;
  private final Faults faults;
  private final long faultSeed;
  private volatile Optional<RepTouchPlan> repTouchPlan = Optional.empty();
  private volatile RepTouches repTouches;
  private Server jetty;
  private ScheduledExecutorService expirySweeper;

  /** An org without faults; its random fault choices, once set, are seeded with 42. */
  // Hears every change event the org publishes: its change log, for audits such as the demo's.
  private final List<BiConsumer<String, Map<String, Object>>> changeLog =
      new CopyOnWriteArrayList<>();

  public OrgServer(Settings settings, Org org) {
    this(settings, org, 42);
  }

  /**
   * @param faultSeed seeds the random choices of injected faults, so a run can be repeated
   */
  public OrgServer(Settings settings, Org org, long faultSeed) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.faults = new Faults(settings.clock(), faultSeed);
    this.faultSeed = faultSeed;
    this.org = Objects.requireNonNull(org, "org");
    this.streaming =
        new StreamingServer(
            new StreamingServer.Settings(
                0,
                settings.apiVersion(),
                Duration.ofSeconds(110),
                settings.replayRetention(),
                1000,
                settings.clock()));
    this.sessions =
        new Sessions(
            ORG_ID,
            streaming::acceptToken,
            streaming::revokeToken,
            settings.clock(),
            faults::expired,
            faults::sessionExpired);
  }

  /** Starts Jetty on loopback; returns once clients can connect. */
  /**
   * Tells {@code listener} of every change event the org publishes (channel and data with its
   * {@code event.replayId}, as CometD subscribers get them), in commit order: the org's change log,
   * from which an audit counts who changed which record how often. Called on the committing thread;
   * keep it quick.
   */
  public void onChangeEvent(BiConsumer<String, Map<String, Object>> listener) {
    changeLog.add(listener);
  }

  public synchronized OrgServer start() throws Exception {
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(settings.port());
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    FilterHolder faultFilter =
        new FilterHolder(new FaultFilter(faults, "/cometd/" + settings.apiVersion()));
    faultFilter.setAsyncSupported(true);
    context.addFilter(faultFilter, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new FaultAdminServlet(faults)), "/emulator/faults");
    streaming.mountOn(context);
    context.addServlet(
        new ServletHolder(new TokenServlet(org, sessions, settings.clock(), this::instanceUrl)),
        "/services/oauth2/token");
    context.addServlet(
        new ServletHolder(new SoapLoginServlet(org, sessions, this::instanceUrl)),
        "/services/Soap/u/*");
    ChangeEvents events =
        new ChangeEvents(
            (channel, data) -> {
              long replayId = streaming.publish(channel, data);
              RepTouches touches = repTouches;
              if (touches != null) {
                touches.changeEvent(channel, data);
              }
              if (!changeLog.isEmpty()) {
                Map<String, Object> stamped = new LinkedHashMap<>(data);
                stamped.put("event", Map.of("replayId", replayId));
                changeLog.forEach(listener -> listener.accept(channel, stamped));
              }
              return replayId;
            },
            settings.clock(),
            settings.apiVersion());
    RestServlet rest =
        new RestServlet(
            org,
            sessions,
            events,
            settings.clock(),
            settings.dailyApiLimit(),
            settings.queryBatchSize(),
            faults);
    context.addServlet(new ServletHolder(rest), "/services/data/*");
    repTouches = new RepTouches(rest, org, faultSeed);
    repTouches.set(repTouchPlan);
    context.addServlet(
        new ServletHolder(new BulkServlet(rest, org, sessions, settings.clock())),
        "/services/async/*");
    jetty.setHandler(context);
    jetty.start();
    streaming.started(context);
    expirySweeper =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "emulator-session-expiry");
              thread.setDaemon(true);
              return thread;
            });
    // Streaming clients learn of an expired session at their next poll, with no REST call between.
    expirySweeper.scheduleWithFixedDelay(sessions::expire, 200, 200, TimeUnit.MILLISECONDS);
    return this;
  }

  /** The org's URL, e.g. {@code http://127.0.0.1:41234}; also its login URL. */
  public URI instanceUrl() {
    int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The CometD endpoint, {@code <instance>/cometd/<version>}. */
  public URI cometdUri() {
    return URI.create(instanceUrl() + "/cometd/" + settings.apiVersion());
  }

  public Org org() {
    return org;
  }

  /** The streaming server, to inject faults (dropped clients, failing subscribes). */
  public StreamingServer streaming() {
    return streaming;
  }

  /**
   * The faults the org injects, changeable while it runs, e.g. {@code
   * faults().set("lock=0.05,latency=20ms")}; see {@link dev.leadrouter.emulator.faults.FaultPlan}.
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Makes the org's reps touch the leads they are given (Status to "Working - Contacted", as a UI
   * edit) after a delay from the plan, e.g. {@code repTouch(RepTouchPlan.parse("30s..5m/0.1"))};
   * {@code null} stops it. Applies to owner assignments from now on; delays are seeded with the
   * fault seed.
   */
  public synchronized OrgServer repTouch(RepTouchPlan plan) {
    repTouchPlan = Optional.ofNullable(plan);
    if (repTouches != null) {
      repTouches.set(repTouchPlan);
    }
    return this;
  }

  /** The access tokens of the sessions still open, e.g. for a test that looks for leaked ones. */
  public Set<String> liveTokens() {
    return sessions.tokens();
  }

  /** Ends a session as a logout or timeout does: REST answers 401, streaming 401::. */
  public void revokeToken(String token) {
    sessions.revoke(token);
  }

  @Override
  public synchronized void close() throws Exception {
    if (expirySweeper != null) {
      expirySweeper.shutdownNow();
    }
    if (repTouches != null) {
      repTouches.close();
    }
    if (jetty != null) {
      jetty.stop();
    }
  }
}

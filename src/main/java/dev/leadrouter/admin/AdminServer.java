package dev.leadrouter.admin;

import com.google.inject.Inject;
import dev.leadrouter.config.AdminSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ops HTTP endpoint on {@code lead-router.admin.bind:port}: {@code GET /health} (open) and
 * {@code GET /metrics} (Prometheus text; needs the token when one is configured), and {@code POST}
 * to the paths of the bound {@link AdminAction}s, e.g. {@code /rules/reload} (token too), and the
 * ops console's {@link ConsolePage}s under {@code /console/} when any are bound (see {@link
 * ConsoleGate} for how browsers sign in).
 *
 * <p>It refuses to start on an address other machines can reach unless a token is configured:
 * metrics name rules, teams and reps, which are not for everyone on the network.
 *
 * <p>Lifecycle: {@link #start()} once the worker is wired (health then reports what is running),
 * {@link #close()} last when stopping, so the orchestrator sees the worker go down.
 */
public final class AdminServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  // Health probes and a scraper every few seconds; a handful of threads is plenty.
  private static final int MAX_THREADS = 8;

  private final AdminSettings settings;
  private final Set<HealthIndicator> indicators;
  private final Set<AdminAction> actions;
  private final Set<ConsolePage> pages;
  private final PrometheusMeterRegistry registry;
  private Server jetty;

  public AdminServer(
      AdminSettings settings, Set<HealthIndicator> indicators, PrometheusMeterRegistry registry) {
    this(settings, indicators, Set.of(), registry);
  }

  /**
   * @param actions what {@code POST <path>} may ask for, e.g. {@code /rules/reload}
   */
  public AdminServer(
      AdminSettings settings,
      Set<HealthIndicator> indicators,
      Set<AdminAction> actions,
      PrometheusMeterRegistry registry) {
    this(settings, indicators, actions, Set.of(), registry);
  }

  /**
   * @param pages the ops console's pages under {@code /console/}; none, and there is no console
   */
  @Inject
  public AdminServer(
      AdminSettings settings,
      Set<HealthIndicator> indicators,
      Set<AdminAction> actions,
      Set<ConsolePage> pages,
      PrometheusMeterRegistry registry) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.indicators = Set.copyOf(indicators);
    this.actions = Set.copyOf(actions);
    this.pages = Set.copyOf(pages);
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Binds and starts serving; returns once callers can connect.
   *
   * @throws IllegalStateException when bound to a non-loopback address without a token, or when the
   *     address cannot be bound
   */
  public synchronized AdminServer start() {
    if (jetty != null) {
      throw new IllegalStateException("the admin server is already started");
    }
    refuseOpenNetworkWithoutToken();
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("admin");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(settings.bind());
    connector.setPort(settings.port());
    server.addConnector(connector);
    BearerToken token = new BearerToken(settings.token());
    server.setHandler(
        new ConsoleGate(
            new AdminHandler(indicators, actions, registry, token),
            pages,
            token,
            new ConsoleSessions()));
    try {
      server.start();
    } catch (Exception failed) {
      stopQuietly(server);
      throw new IllegalStateException(
          "the admin server cannot listen on "
              + settings.bind()
              + ":"
              + settings.port()
              + " (lead-router.admin.bind/port): "
              + failed.getMessage(),
          failed);
    }
    jetty = server;
    log.info(
        "admin endpoint at {} (token {})", uri(), settings.token().isPresent() ? "set" : "not set");
    return this;
  }

  /** The port listened on; the free one picked when the settings said 0. */
  public synchronized int port() {
    if (jetty == null) {
      throw new IllegalStateException("the admin server is not started");
    }
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** The base address, e.g. {@code http://127.0.0.1:8081}. */
  public URI uri() {
    String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
    return URI.create("http://" + host + ":" + port());
  }

  /** The ops console's address, when pages are bound; open it in a browser on this machine. */
  public Optional<URI> consoleUri() {
    return pages.isEmpty() ? Optional.empty() : Optional.of(uri().resolve("/console/"));
  }

  @Override
  public synchronized void close() {
    if (jetty != null) {
      stopQuietly(jetty);
      jetty = null;
    }
  }

  private void refuseOpenNetworkWithoutToken() {
    if (settings.token().isPresent()) {
      return;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(settings.bind());
    } catch (UnknownHostException unknown) {
      throw new IllegalStateException(
          "lead-router.admin.bind: '" + settings.bind() + "' is not an address of this machine",
          unknown);
    }
    if (!address.isLoopbackAddress()) {
      throw new IllegalStateException(
          "lead-router.admin.bind is "
              + settings.bind()
              + ", which other machines can reach, but no admin token is set: set"
              + " lead-router.admin.token-file (LEAD_ROUTER_ADMIN_TOKEN_FILE) to a file holding"
              + " a token, or bind to 127.0.0.1");
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("admin server did not stop cleanly", e);
    }
  }
}

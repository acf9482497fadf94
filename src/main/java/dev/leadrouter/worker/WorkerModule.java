package dev.leadrouter.worker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.util.Modules;
import dev.leadrouter.admin.HealthIndicator;
import dev.leadrouter.capture.AccessTokenSource;
import dev.leadrouter.capture.CaptureModule;
import dev.leadrouter.capture.CdcSubscriber;
import dev.leadrouter.capture.CheckpointStore;
import dev.leadrouter.capture.DeadLetters;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.capture.Reconciler;
import dev.leadrouter.capture.SubscriberSettings;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.enrich.EnrichModule;
import dev.leadrouter.enrich.Enricher;
import dev.leadrouter.enrich.HoldUntilEnriched;
import dev.leadrouter.ha.Leadership;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.salesforce.ApiBudget;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.JdbcRoutingState;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.StateTables;
import dev.leadrouter.write.OwnerWriter;
import dev.leadrouter.write.UpstreamBacklog;
import dev.leadrouter.write.WriteModule;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wires the worker: capture with durable checkpoints and dead letters, the routing thread, the
 * writer. Needs the config, engine, Salesforce and store modules, and a {@link MeterRegistry} (the
 * admin stage's, or a simple one), bound elsewhere.
 */
public final class WorkerModule extends AbstractModule {

  /** The channel new leads arrive on. */
  public static final String LEAD_CHANNEL = "/data/LeadChangeEvent";

  private final Supplier<RuleSet> ruleSet;
  private final InitialReplay initialReplay;

  public WorkerModule(RuleSet ruleSet, InitialReplay initialReplay) {
    this(supplying(ruleSet), initialReplay);
  }

  /**
   * @param ruleSet the rules in force, asked for every lead (e.g. a provider that refreshes them)
   */
  public WorkerModule(Supplier<RuleSet> ruleSet, InitialReplay initialReplay) {
    this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
    this.initialReplay = Objects.requireNonNull(initialReplay, "initialReplay");
  }

  private static Supplier<RuleSet> supplying(RuleSet ruleSet) {
    Objects.requireNonNull(ruleSet, "ruleSet");
    return () -> ruleSet;
  }

  @Override
  protected void configure() {
    install(
        Modules.override(new CaptureModule())
            .with(
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(CheckpointStore.class).to(StoreCheckpoints.class).in(Singleton.class);
                    bind(DeadLetters.class).to(StoreDeadLetterSink.class).in(Singleton.class);
                    bind(ReconciliationQueue.class).in(Singleton.class);
                    bind(Reconciler.class).to(ReconciliationQueue.class);
                  }
                }));
    install(new WriteModule());
    install(new dev.leadrouter.sla.SlaModule(ruleSet::get));
    install(new EnrichModule());
    install(new dev.leadrouter.ha.HaModule());
    bind(MatchIndexes.class).in(Singleton.class);
    Multibinder.newSetBinder(binder(), HealthIndicator.class);
  }

  @ProvidesIntoSet
  HealthIndicator captureHealth(CdcSubscriber source, Leadership leadership) {
    return WorkerHealth.standingBy(leadership, WorkerHealth.capture(source));
  }

  @ProvidesIntoSet
  HealthIndicator leadershipHealth(Leadership leadership) {
    return WorkerHealth.leadership(leadership);
  }

  @ProvidesIntoSet
  HealthIndicator storeHealth(RoutingPipeline pipeline) {
    return WorkerHealth.store(pipeline);
  }

  @ProvidesIntoSet
  HealthIndicator writeHealth(OwnerWriter writer, WorkerSettings settings) {
    return WorkerHealth.writeBacklog(writer, settings.pipeline().bulkThreshold());
  }

  @ProvidesIntoSet
  HealthIndicator rulesHealth(LeadRouting routing) {
    return WorkerHealth.rules(routing::ruleSet);
  }

  @ProvidesIntoSet
  HealthIndicator enrichmentHealth(Enricher enricher, RoutingPipeline pipeline) {
    return WorkerHealth.enrichment(enricher, pipeline);
  }

  @ProvidesIntoSet
  HealthIndicator matchingHealth(MatchIndexes indexes) {
    return WorkerHealth.matching(indexes);
  }

  /**
   * Leads to route; accounts and contacts keep the match indexes fresh; tasks show first touches
   * when SLA tracking is on. Each channel has its own checkpoint.
   */
  private static List<String> channels(WorkerSettings settings) {
    List<String> channels =
        new ArrayList<>(
            List.of(LEAD_CHANNEL, MatchIndexes.ACCOUNT_CHANNEL, MatchIndexes.CONTACT_CHANNEL));
    if (settings.sla().enabled()) {
      channels.add(dev.leadrouter.sla.FirstTouches.TASK_CHANNEL);
    }
    return List.copyOf(channels);
  }

  /** Events the routing thread has not taken yet: while some wait, the writer fills its batch. */
  @Provides
  UpstreamBacklog upstreamBacklog(CdcSubscriber source) {
    return source::backlog;
  }

  @Provides
  @Singleton
  AccessTokenSource streamingTokens(dev.leadrouter.salesforce.AccessTokenSource signIn) {
    return new StreamingTokens(signIn);
  }

  /** Signs in to learn the org's URL, unless the settings pin it. */
  @Provides
  @Singleton
  SubscriberSettings subscriberSettings(
      WorkerSettings settings, dev.leadrouter.salesforce.AccessTokenSource signIn) {
    URI instance =
        settings.salesforce().instanceUrl().orElseGet(() -> signIn.token().instanceUrl());
    String base = instance.toString().replaceAll("/+$", "");
    return new SubscriberSettings(
        URI.create(base + "/cometd/" + settings.salesforce().apiVersion()),
        channels(settings),
        initialReplay,
        settings.salesforce().callOptionsClient(),
        settings.pipeline().queueCapacity());
  }

  @Provides
  @Singleton
  LeadRouting leadRouting(
      DecisionEngine engine,
      RoutingLog routingLog,
      JdbcRoutingState liveState,
      Database database,
      WorkerSettings settings,
      MeterRegistry meters,
      Clock clock) {
    return new LeadRouting(
        engine,
        routingLog,
        liveState,
        new JdbcRoutingState(database, StateTables.SHADOW),
        ruleSet,
        settings.mode(),
        meters,
        clock);
  }

  @Provides
  @Singleton
  RoutingPipeline pipeline(
      CdcSubscriber source,
      LeadRouting routing,
      OwnerWriter writer,
      dev.leadrouter.store.DeadLetters deadLetters,
      ReconciliationQueue reconciliations,
      WorkerSettings settings,
      MeterRegistry meters,
      dev.leadrouter.sla.FirstTouches firstTouches,
      dev.leadrouter.sla.MisrouteFeedback misroutes,
      MatchIndexes indexes,
      Enricher enricher,
      HoldUntilEnriched hold,
      dev.leadrouter.salesforce.RestClient rest,
      RoutingLog routingLog,
      dev.leadrouter.match.DuplicateIndexLoader duplicateLoader,
      dev.leadrouter.store.SlaClocks slaClocks,
      Clock clock) {
    Gauge.builder("leadrouter.enrich.held", hold, HoldUntilEnriched::size)
        .description("leads waiting for enrichment fields")
        .register(meters);
    Gauge.builder("leadrouter.match.accounts", indexes, MatchIndexes::accountCount)
        .description("accounts in the match index")
        .register(meters);
    Gauge.builder("leadrouter.capture.backlog", source, CdcSubscriber::backlog)
        .description("change events received and not yet taken by the routing thread")
        .register(meters);
    return new RoutingPipeline(
        source,
        routing,
        writer,
        deadLetters,
        reconciliations,
        settings.salesforce().callOptionsClient(),
        meters,
        indexes,
        enricher,
        hold,
        settings.sla().enabled()
            ? event -> {
              firstTouches.onEvent(event);
              misroutes.onEvent(event);
            }
            : misroutes::onEvent,
        new ExpiredReplayReconciler(
            rest,
            routing,
            routingLog,
            writer,
            indexes,
            duplicateLoader,
            enricher,
            settings.sla().enabled()
                ? java.util.Optional.of(firstTouches)
                : java.util.Optional.empty(),
            taskId -> slaClocks.openForTask(taskId).isPresent(),
            meters,
            clock,
            ReconciliationWindow.DEFAULT_MARGIN));
  }

  @Provides
  @Singleton
  Worker worker(
      CdcSubscriber source,
      RoutingPipeline pipeline,
      OwnerWriter writer,
      RoutingLog routingLog,
      WorkerSettings settings,
      ApiBudget budget,
      MeterRegistry meters,
      dev.leadrouter.sla.SlaScheduler sla,
      MatchIndexes indexes,
      Leadership leadership,
      dev.leadrouter.salesforce.RestClient rest) {
    Gauge.builder(
            "leadrouter.ha.active", leadership, l -> l.role() == Leadership.Role.STANDBY ? 0 : 1)
        .description("1 while this worker is the active one (or runs alone), 0 while standing by")
        .register(meters);
    Gauge.builder("leadrouter.ha.epoch", leadership, Leadership::epoch)
        .description("the worker lease's epoch this worker holds or last held (0: none)")
        .register(meters);
    Gauge.builder("leadrouter.api.used", budget, b -> b.orgUsage().map(u -> u.used()).orElse(0L))
        .description("org API calls used, as Salesforce last reported")
        .register(meters);
    Gauge.builder("leadrouter.api.limit", budget, b -> b.orgUsage().map(u -> u.limit()).orElse(0L))
        .description("org API call limit, as Salesforce last reported")
        .register(meters);
    Gauge.builder(
            "leadrouter.api.remaining",
            budget,
            b -> b.orgUsage().map(u -> u.limit() - u.used()).orElse(0L))
        .description("org API calls left today, as Salesforce last reported")
        .register(meters);
    return new Worker(
        source,
        pipeline,
        writer,
        routingLog,
        settings.mode(),
        indexes,
        Duration.ofSeconds(30),
        settings.sla().enabled()
            ? new SideWork() {
              @Override
              public void start() {
                sla.start();
              }

              @Override
              public void close() {
                sla.close();
              }
            }
            : SideWork.NONE,
        leadership,
        new WrittenBeforeStop(rest));
  }
}

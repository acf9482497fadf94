package dev.leadrouter.bench;

import com.google.inject.Guice;
import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.normalize.NormalizeModule;
import dev.leadrouter.normalize.NormalizedLead;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.RoutingRequest;
import dev.leadrouter.route.RuleHierarchyRouter;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.score.PointRuleScorer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision path of {@code lead-router bench decision}, under JMH: 100 rules, 50 teams and 1,000
 * reps. {@link #decide} is the whole path (normalize, score, route, record state); {@link
 * #normalize} and {@link #scoreAndRoute} split it, to show where the time goes.
 *
 * <p>Run with {@code scripts/jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionPathBenchmark {

  private RuleSet ruleSet;
  private List<LeadInput> leads;
  private List<NormalizedLead> normalized;
  private DecisionEngine engine;
  private LeadNormalizer normalizer;
  private PointRuleScorer scorer;
  private RuleHierarchyRouter router;
  private InMemoryRoutingState state;
  private int next;

  @Setup
  public void setUp() {
    SyntheticWorkload workload = new SyntheticWorkload(42);
    ruleSet = workload.ruleSet(100, 50, 1000);
    leads = workload.leads(10_000);
    normalizer = Guice.createInjector(new NormalizeModule()).getInstance(LeadNormalizer.class);
    scorer = new PointRuleScorer();
    Clock clock = Clock.systemUTC();
    router = new RuleHierarchyRouter(clock);
    engine = new DecisionEngine(normalizer, scorer, router, clock);
    normalized = leads.stream().map(input -> normalizer.normalize(input.lead())).toList();
    state = new InMemoryRoutingState();
  }

  private int nextIndex() {
    next = next + 1 == leads.size() ? 0 : next + 1;
    return next;
  }

  @Benchmark
  public Decision decide() {
    return engine.decideAndRecord(ruleSet, leads.get(nextIndex()), state);
  }

  @Benchmark
  public NormalizedLead normalize() {
    return normalizer.normalize(leads.get(nextIndex()).lead());
  }

  @Benchmark
  public Decision scoreAndRoute() {
    NormalizedLead lead = normalized.get(nextIndex());
    LeadScore score = scorer.score(lead, ruleSet.scoring());
    RoutingRequest request =
        new RoutingRequest(lead.lead().id(), lead, score, null, null, List.of(), Map.of());
    Decision decision = router.decide(ruleSet, request, state);
    state.apply(decision.stateChanges());
    return decision;
  }
}

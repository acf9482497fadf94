package dev.leadrouter.bench;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountKeys;
import dev.leadrouter.match.FuzzyNameScorer;
import dev.leadrouter.match.IndexAccountMatcher;
import dev.leadrouter.match.MatchPolicy;
import dev.leadrouter.match.MatchResult;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.normalize.NormalizeModule;
import dev.leadrouter.normalize.NormalizedLead;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lead-to-account matching of {@code lead-router bench match}, under JMH: {@link #match} is the
 * whole matcher over the benchmark's lead mix (domain, exact name, typo, no match); {@link
 * #domainLookup} and {@link #fuzzyName} split out the cheapest and the dearest path.
 *
 * <p>Run with {@code scripts/jmh AccountMatchBenchmark -p accounts=1000000 -jvmArgs -Xmx600m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx600m")
public class AccountMatchBenchmark {

  @Param("200000")
  public int accounts;

  private IndexAccountMatcher matcher;
  private AccountIndex index;
  private List<NormalizedLead> leads;
  private List<NormalizedLead> typos;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Injector injector = Guice.createInjector(new NormalizeModule());
    AccountKeys keys = injector.getInstance(AccountKeys.class);
    LeadNormalizer normalizer = injector.getInstance(LeadNormalizer.class);
    SyntheticAccounts synthetic = new SyntheticAccounts(42);
    index = new AccountIndex(keys, accounts);
    new MatchBenchmark(synthetic).build(index, accounts, done -> {});
    matcher = new IndexAccountMatcher(index, keys, new FuzzyNameScorer(), MatchPolicy.defaults());
    leads = new ArrayList<>();
    typos = new ArrayList<>();
    for (int n = 0; n < 10_000; n++) {
      NormalizedLead lead = normalizer.normalize(synthetic.lead(n, accounts));
      leads.add(lead);
      if (lead.emailDomain() != null
          && lead.has(dev.leadrouter.normalize.NormalizationIssue.FREE_MAIL_DOMAIN)
          && lead.companyKey() != null
          && lead.companyKey().length() > 4) {
        typos.add(lead);
      }
    }
  }

  private int nextIndex(int size) {
    next = next + 1 >= size ? 0 : next + 1;
    return next;
  }

  @Benchmark
  public MatchResult match() {
    return matcher.match(leads.get(nextIndex(leads.size())));
  }

  @Benchmark
  public int domainLookup() {
    return index.withDomain(leads.get(nextIndex(leads.size())).emailDomain()).size();
  }

  /** Leads from personal mail: exact names, typos and unknown companies, by name alone. */
  @Benchmark
  public MatchResult fuzzyName() {
    return matcher.match(typos.get(nextIndex(typos.size())));
  }
}

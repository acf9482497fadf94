package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.bench.MatchEvalCsv;
import dev.leadrouter.bench.MatchEvalSet;
import dev.leadrouter.bench.MatchQuality;
import dev.leadrouter.bench.PeerMatcher;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.Account;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountKeys;
import dev.leadrouter.match.FuzzyNameScorer;
import dev.leadrouter.match.IndexAccountMatcher;
import dev.leadrouter.match.IndexedAccount;
import dev.leadrouter.match.MatchPolicy;
import dev.leadrouter.match.MatchResult;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.normalize.NormalizedLead;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Precision and recall of lead-to-account matching on the labelled evaluation set. */
@Command(
    name = "match-quality",
    mixinStandardHelpOptions = true,
    description = {
      "Measures precision and recall of lead-to-account matching on a labelled set.",
      "The set is generated from a fixed seed (3,000 accounts, 2,100 leads with an account and",
      "1,000 without; see MatchEvalSet) and printed as JSON with the figures per method.",
      "A build with the duke profile (mvn -Pduke package) also runs Duke on the same set."
    })
final class BenchMatchQualityCommand implements Callable<Integer> {

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
  Path json;

  @Option(
      names = "--seed",
      defaultValue = "20261127",
      description = "Evaluation-set seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--show-misses",
      paramLabel = "N",
      defaultValue = "0",
      description = "Print up to N wrong or missed leads on standard error.")
  int showMisses;

  @Option(
      names = "--write-set",
      paramLabel = "DIR",
      description =
          "Also write the set as accounts.csv and leads.csv (for lead-router match) and expected.csv.")
  Path writeSet;

  @Spec CommandSpec spec;

  private final AccountKeys keys;
  private final LeadNormalizer normalizer;

  @Inject
  BenchMatchQualityCommand(AccountKeys keys, LeadNormalizer normalizer) {
    this.keys = keys;
    this.normalizer = normalizer;
  }

  /** Runs another engine on the same set with the same normalized values, timed as a whole. */
  private Map<String, Object> peerFigures(PeerMatcher peer, MatchEvalSet set, AccountIndex index) {
    Map<String, PeerMatcher.Values> leads = new HashMap<>();
    for (MatchEvalSet.LabelledLead labelled : set.leads()) {
      NormalizedLead lead = normalizer.normalize(labelled.lead());
      String email = keys.isFreeMail(lead.emailDomain()) ? null : lead.emailDomain();
      String website = keys.isFreeMail(lead.websiteDomain()) ? null : lead.websiteDomain();
      leads.put(
          labelled.lead().id(),
          new PeerMatcher.Values(
              keys.expand(lead.companyKey()), email != null ? email : website, lead.countryCode()));
    }
    PeerMatcher.PreparedValues prepared =
        new PeerMatcher.PreparedValues() {
          @Override
          public PeerMatcher.Values ofAccount(SalesforceId accountId) {
            IndexedAccount account = index.get(accountId).orElseThrow();
            return new PeerMatcher.Values(account.nameKey(), account.domain(), account.country());
          }

          @Override
          public PeerMatcher.Values ofLead(String leadId) {
            return leads.get(leadId);
          }
        };
    long start = System.nanoTime();
    Map<String, SalesforceId> linked = peer.link(set, prepared);
    long linkMillis = Math.round((System.nanoTime() - start) / 1e6);
    Map<String, Object> figures =
        new MatchQuality()
            .evaluate(
                set,
                lead -> {
                  SalesforceId account = linked.get(lead.id());
                  return new MatchQuality.Answer(account, account == null ? null : peer.name());
                });
    figures.put("elapsed_ms", linkMillis);
    return figures;
  }

  @Override
  public Integer call() throws IOException {
    MatchEvalSet set = MatchEvalSet.generate(seed, 3_000, 2_100, 1_000);
    if (writeSet != null) {
      MatchEvalCsv.write(set, writeSet);
    }
    AccountIndex index = new AccountIndex(keys, set.accounts().size());
    for (Account account : set.accounts()) {
      index.upsert(account);
    }
    IndexAccountMatcher matcher =
        new IndexAccountMatcher(index, keys, new FuzzyNameScorer(), MatchPolicy.defaults());
    MatchQuality quality = new MatchQuality();
    Map<String, Object> figures =
        quality.evaluate(
            set,
            lead -> {
              MatchResult result = matcher.match(normalizer.normalize(lead));
              return result.matched()
                  ? new MatchQuality.Answer(result.best().accountId(), result.method().label())
                  : new MatchQuality.Answer(null, null);
            });
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", "match-quality");
    report.put("seed", seed);
    report.put("accounts", set.accounts().size());
    report.put("lead_router", figures);
    try {
      for (PeerMatcher peer : ServiceLoader.load(PeerMatcher.class)) {
        report.put(peer.name(), peerFigures(peer, set, index));
      }
    } catch (ServiceConfigurationError halfBuilt) {
      // A peer named in META-INF/services whose classes are missing (a stale build): say so,
      // and keep our own figures.
      report.put("peer_error", halfBuilt.getMessage());
    }
    if (!report.containsKey("duke-1.2")) {
      report.put("duke-1.2", "not in this build (mvn -Pduke package adds it)");
    }
    PrintWriter err = spec.commandLine().getErr();
    quality.misses().stream().limit(showMisses).forEach(miss -> err.println(miss));
    err.flush();
    String text = JsonOutput.mapper().writeValueAsString(report);
    spec.commandLine().getOut().println(text);
    spec.commandLine().getOut().flush();
    if (json != null) {
      Files.writeString(json, text + "\n");
    }
    return 0;
  }
}

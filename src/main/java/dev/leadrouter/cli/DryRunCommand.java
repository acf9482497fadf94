package dev.leadrouter.cli;

import com.google.inject.Inject;
import com.google.inject.Injector;
import dev.leadrouter.admin.DryRunFiles;
import dev.leadrouter.admin.DryRunReport;
import dev.leadrouter.admin.DryRunRow;
import dev.leadrouter.admin.DryRunSummary;
import dev.leadrouter.config.ConfigModule;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountIndexLoader;
import dev.leadrouter.match.AccountKeys;
import dev.leadrouter.match.AccountMatcher;
import dev.leadrouter.match.CustomAccountFields;
import dev.leadrouter.match.FuzzyNameScorer;
import dev.leadrouter.match.IndexAccountMatcher;
import dev.leadrouter.match.MatchPolicy;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.salesforce.SalesforceModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Routes history through a rule set and reports what would change; writes nothing to the org. */
@Command(
    name = "dry-run",
    mixinStandardHelpOptions = true,
    description = {
      "Routes past leads through a rule set with fresh rotation state and reports, per lead, the",
      "owner it would get and the owner it has: how many change, leads per rule, owner and team,",
      "each team's fairness (Jain's index), rules never hit, leads that fell to the catch-all, and",
      "each rep's expected follow-up load per hour of the week. Leads come from a Salesforce Lead",
      "export (--csv: Id, OwnerId, CreatedDate and any Lead fields) or from the org (--since).",
      "Each lead is routed as of its CreatedDate unless --at is given. Writes report.html,",
      "dry-run.csv and summary.json to --out; nothing is written to Salesforce."
    })
final class DryRunCommand implements Callable<Integer> {

  static final int ORG_ERROR = 1;

  static final class Source {
    @Option(
        names = "--csv",
        paramLabel = "FILE",
        description = "A Lead export (Data Loader or report CSV); bad rows are reported, skipped.")
    Path csv;

    @Option(
        names = "--since",
        paramLabel = "WHEN",
        description = "Query the org's leads created since: 90d, 12h, 2w or an instant.")
    String since;
  }

  @ArgGroup(multiplicity = "1")
  Source source;

  @Mixin RulesOption rules;
  @Mixin AtOption at;

  @Option(
      names = "--accounts",
      paramLabel = "CSV",
      description =
          "Accounts to match leads against (an Account export, as for `match`); with --since the"
              + " org's accounts are read when this is not given.")
  Path accounts;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for report.html, dry-run.csv and summary.json (created if missing).")
  Path out;

  @Mixin OrgOptions org;

  @Spec CommandSpec spec;

  private final Injector injector;
  private final Clock clock;
  private final DryRunner runner;
  private final AccountKeys keys;

  @Inject
  DryRunCommand(Injector injector, Clock clock, DryRunner runner, AccountKeys keys) {
    this.injector = injector;
    this.clock = clock;
    this.runner = runner;
    this.keys = keys;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    RuleSet ruleSet = rules.load(injector, org);
    CsvRows reader = new CsvRows(err);
    long started = System.nanoTime();
    List<HistoricLead> leads;
    AccountMatcher matcher = AccountMatcher.NONE;
    String description;
    if (accounts != null) {
      matcher = matcher(new AccountCsv(reader, keys).read(accounts));
    }
    if (source.csv != null) {
      leads = new LeadCsv(reader).read(source.csv);
      description = "Leads from " + source.csv.getFileName();
    } else {
      Instant start = SinceOption.parse(source.since, clock.instant());
      description = "Leads created in the org since " + start;
      try {
        RestClient rest = org().getInstance(RestClient.class);
        if (accounts == null) {
          AccountIndex index = new AccountIndex(keys, 1024);
          int read =
              new AccountIndexLoader(rest, index, CustomAccountFields.none()).loadAll(count -> {});
          err.printf(Locale.ROOT, "%d accounts read from the org%n", read);
          matcher = matcher(index);
        }
        leads = new OrgLeads(rest).since(start, ruleSet, count -> {});
        err.printf(Locale.ROOT, "%d leads read from the org%n", leads.size());
      } catch (SalesforceException orgFailed) {
        err.println("lead-router: the org could not be read: " + orgFailed.getMessage());
        return ORG_ERROR;
      }
    }
    ProgressBar bar = new ProgressBar(err, "leads routed", leads.size());
    List<DryRunRow> rows = runner.run(ruleSet, leads, matcher, at.at, clock.instant(), bar::update);
    bar.done();
    DryRunReport report =
        DryRunReport.of(
            description, at.at == null ? clock.instant() : at.at, ruleSet, rows, reader.skipped());
    new DryRunFiles().write(report, out);
    print(report, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private AccountMatcher matcher(AccountIndex index) {
    return new IndexAccountMatcher(index, keys, new FuzzyNameScorer(), MatchPolicy.defaults());
  }

  private Injector org() {
    return injector.createChildInjector(new ConfigModule(org.settings()), new SalesforceModule());
  }

  private void print(DryRunReport report, double seconds) {
    DryRunSummary summary = report.summary();
    PrintWriter text = spec.commandLine().getOut();
    text.printf(
        Locale.ROOT,
        "%d leads routed with rule set %s in %.1f s: %d would change owner, %d to the catch-all,"
            + " %d rules never hit, %d rows skipped%n",
        summary.leads(),
        report.ruleSetVersion(),
        seconds,
        summary.changed(),
        summary.catchAll(),
        summary.unusedRules().size(),
        report.skippedRows());
    text.printf("Report written to %s%n", out.resolve(DryRunFiles.HTML));
    text.flush();
  }
}

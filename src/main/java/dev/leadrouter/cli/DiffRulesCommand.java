package dev.leadrouter.cli;

import com.google.inject.Inject;
import com.google.inject.Injector;
import dev.leadrouter.admin.DryRunRow;
import dev.leadrouter.admin.RuleDiff;
import dev.leadrouter.admin.RuleDiffFiles;
import dev.leadrouter.match.AccountKeys;
import dev.leadrouter.match.AccountMatcher;
import dev.leadrouter.match.FuzzyNameScorer;
import dev.leadrouter.match.IndexAccountMatcher;
import dev.leadrouter.match.MatchPolicy;
import dev.leadrouter.route.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What a rule change would move, lead by lead: two dry runs over the same leads, compared. */
@Command(
    name = "diff-rules",
    mixinStandardHelpOptions = true,
    description = {
      "Routes the same leads through two rule sets, each with the same fresh rotation state,",
      "and lists every lead whose owner or rule would change (lead_id, old_owner, new_owner,",
      "old_rule, new_rule), with counts per (old rule -> new rule) and per owner. With --out,",
      "writes diff-rules.csv and diff-summary.json. Nothing is written to Salesforce."
    })
final class DiffRulesCommand implements Callable<Integer> {

  /** Moved leads printed at most when the full list goes to a file. */
  static final int PRINTED_WITH_OUT = 50;

  @Option(
      names = "--old",
      required = true,
      paramLabel = "FILE|org",
      description = "Current rules: a YAML file, or `org` for the org's Custom Metadata records.")
  Path oldRules;

  @Option(names = "--new", required = true, paramLabel = "FILE", description = "Changed rules.")
  Path newRules;

  @Option(
      names = "--csv",
      required = true,
      paramLabel = "FILE",
      description = "A Lead export (as for dry-run); bad rows are reported and skipped.")
  Path csv;

  @Option(names = "--accounts", paramLabel = "CSV", description = "Accounts to match against.")
  Path accounts;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory for diff-rules.csv and diff-summary.json.")
  Path out;

  @Mixin AtOption at;

  @Mixin OrgOptions org;

  @Spec CommandSpec spec;

  private final Clock clock;
  private final DryRunner runner;
  private final AccountKeys keys;

  private final Injector injector;

  @Inject
  DiffRulesCommand(Injector injector, Clock clock, DryRunner runner, AccountKeys keys) {
    this.injector = injector;
    this.clock = clock;
    this.runner = runner;
    this.keys = keys;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    RuleSet before = RulesOption.load(oldRules, injector, org);
    RuleSet after = RulesOption.load(newRules, injector, org);
    CsvRows reader = new CsvRows(err);
    AccountMatcher matcher =
        accounts == null
            ? AccountMatcher.NONE
            : new IndexAccountMatcher(
                new AccountCsv(reader, keys).read(accounts),
                keys,
                new FuzzyNameScorer(),
                MatchPolicy.defaults());
    List<HistoricLead> leads = new LeadCsv(reader).read(csv);
    ProgressBar bar = new ProgressBar(err, "leads routed", 2L * leads.size());
    List<DryRunRow> oldRows =
        runner.run(before, leads, matcher, at.at, clock.instant(), bar::update);
    List<DryRunRow> newRows =
        runner.run(
            after, leads, matcher, at.at, clock.instant(), done -> bar.update(leads.size() + done));
    bar.done();
    RuleDiff diff = RuleDiff.of(before.version(), after.version(), oldRows, newRows);
    if (out != null) {
      new RuleDiffFiles().write(diff, out);
    }
    print(diff, reader.skipped());
    return 0;
  }

  private void print(RuleDiff diff, int skipped) {
    PrintWriter text = spec.commandLine().getOut();
    text.printf(
        Locale.ROOT,
        "%s -> %s over %d leads (%d rows skipped): %d leads move, %d change owner%n",
        diff.oldVersion(),
        diff.newVersion(),
        diff.leads(),
        skipped,
        diff.moves().size(),
        diff.ownerChanges());
    if (diff.moves().isEmpty()) {
      text.flush();
      return;
    }
    text.println();
    TextTable transitions = new TextTable("Old rule", "New rule", "Leads");
    diff.transitions()
        .forEach(t -> transitions.add(t.oldRule(), t.newRule(), String.valueOf(t.leads())));
    transitions.print(text);
    if (!diff.owners().isEmpty()) {
      text.println();
      TextTable owners = new TextTable("Owner", "Loses", "Gains");
      diff.owners()
          .forEach(o -> owners.add(o.name(), String.valueOf(o.lost()), String.valueOf(o.gained())));
      owners.print(text);
    }
    text.println();
    TextTable moves = new TextTable("Lead", "Old owner", "New owner", "Old rule", "New rule");
    List<RuleDiff.Move> shown =
        out == null
            ? diff.moves()
            : diff.moves().subList(0, Math.min(PRINTED_WITH_OUT, diff.moves().size()));
    shown.forEach(
        m ->
            moves.add(
                m.leadId(), m.oldOwner().name(), m.newOwner().name(), m.oldRule(), m.newRule()));
    moves.print(text);
    if (out != null) {
      if (shown.size() < diff.moves().size()) {
        text.printf("(the first %d of %d)%n", shown.size(), diff.moves().size());
      }
      text.printf("Every moved lead: %s%n", out.resolve(RuleDiffFiles.CSV));
    }
    text.flush();
  }
}

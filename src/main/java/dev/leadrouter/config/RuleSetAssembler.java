package dev.leadrouter.config;

import static dev.leadrouter.config.Problems.blankToNull;
import static dev.leadrouter.config.Problems.orEmpty;

import dev.leadrouter.config.RuleSetDocument.ChannelDoc;
import dev.leadrouter.config.RuleSetDocument.ConsentDoc;
import dev.leadrouter.config.RuleSetDocument.Settings;
import dev.leadrouter.config.RuleSetDocument.TerritoryDoc;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.ChannelPolicy;
import dev.leadrouter.route.ConsentPolicy;
import dev.leadrouter.route.PostalRange;
import dev.leadrouter.route.RoutingPolicy;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.route.Team;
import dev.leadrouter.route.Territory;
import dev.leadrouter.score.ScoreModel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link RuleSetDocument} into a {@link RuleSet}, or rejects it with every problem named by
 * record and field. Used for YAML files and for the org's Custom Metadata alike, so both are held
 * to the same checks.
 */
public final class RuleSetAssembler {

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  /**
   * @param source where the document came from, for the error message (a file, "the org")
   * @throws InvalidRuleSetException listing every problem
   */
  public RuleSet assemble(RuleSetDocument doc, String source, String fallbackVersion) {
    Problems problems = new Problems();
    DirectoryAssembler directory = new DirectoryAssembler(problems, doc.users(), doc.queues());
    RoutingPolicy policy = policy(problems, directory, doc.settings());
    Map<String, Team> teams = new TeamsAssembler(problems, directory).teams(doc.teams());
    List<Territory> territories = territories(problems, doc.territories(), teams);
    RulesAssembler rules = new RulesAssembler(problems, directory);
    List<RoutingRule> routingRules = rules.rules(doc.rules(), teams, !territories.isEmpty());
    ScoreModel scoring = rules.scoring(doc.scoring());
    if (orEmpty(doc.rules()).isEmpty()) {
      problems.add("rule set", "rules", "there are no rules; every lead would go to the catch-all");
    }
    if (!problems.isEmpty() || policy == null) {
      throw new InvalidRuleSetException(source, problems.list());
    }
    String version = blankToNull(doc.version()) == null ? fallbackVersion : doc.version().trim();
    return new RuleSet(
        version,
        routingRules,
        teams,
        territories,
        directory.reps(),
        directory.queues(),
        policy,
        scoring);
  }

  private static RoutingPolicy policy(
      Problems problems, DirectoryAssembler directory, Settings settings) {
    String record = "settings";
    if (settings == null || blankToNull(settings.catchAllQueue()) == null) {
      problems.add(
          record,
          "catchAllQueue",
          "a catch-all queue is required so no lead is left without an owner");
      return null;
    }
    SalesforceId catchAll = directory.queue(record, "catchAllQueue", settings.catchAllQueue());
    SalesforceId general =
        blankToNull(settings.generalQueue()) == null
            ? null
            : directory.queue(record, "generalQueue", settings.generalQueue());
    Set<LocalDate> holidays = new HashSet<>();
    for (String day : orEmpty(settings.holidays())) {
      try {
        holidays.add(LocalDate.parse(day.trim()));
      } catch (DateTimeParseException | NullPointerException badDay) {
        problems.add(record, "holidays", "'" + day + "' is not a date as YYYY-MM-DD");
      }
    }
    ConsentPolicy consent = consent(problems, directory, settings.consent());
    ChannelDoc channel = settings.channel();
    ChannelPolicy channelPolicy =
        channel == null
            ? ChannelPolicy.NONE
            : new ChannelPolicy(
                blankToNull(channel.dealRegistrationField()),
                Set.copyOf(orEmpty(channel.partnerAccountTypes())));
    if (catchAll == null) {
      return null;
    }
    return new RoutingPolicy(
        catchAll, general, blankToNull(settings.languageField()), consent, channelPolicy, holidays);
  }

  private static ConsentPolicy consent(
      Problems problems, DirectoryAssembler directory, ConsentDoc doc) {
    if (doc == null) {
      return ConsentPolicy.NONE;
    }
    String record = "settings";
    SalesforceId queue =
        blankToNull(doc.queue()) == null
            ? null
            : directory.queue(record, "consent.queue", doc.queue());
    Set<String> countries =
        countries(problems, record, "consent.optInCountries", doc.optInCountries());
    if (!countries.isEmpty() && blankToNull(doc.optInField()) == null) {
      problems.add(
          record, "consent.optInField", "opt-in countries are listed, but not the opt-in field");
    }
    return new ConsentPolicy(
        orEmpty(doc.optOutFields()), countries, blankToNull(doc.optInField()), queue);
  }

  private static List<Territory> territories(
      Problems problems, List<TerritoryDoc> docs, Map<String, Team> teams) {
    List<Territory> territories = new ArrayList<>();
    int position = 0;
    for (TerritoryDoc doc : orEmpty(docs)) {
      position++;
      String name = blankToNull(doc.name());
      String record = "territory " + (name == null ? "#" + position : name);
      boolean ok = name != null;
      if (!ok) {
        problems.add(record, "name", "every territory needs a name");
      }
      Set<String> countries = countries(problems, record, "countries", doc.countries());
      if (countries.isEmpty()) {
        problems.add(record, "countries", "a territory needs at least one country");
        ok = false;
      }
      if (doc.team() == null || !teams.containsKey(doc.team().trim())) {
        problems.add(record, "team", "'" + doc.team() + "' is not a team in this rule set");
        ok = false;
      }
      List<PostalRange> ranges = new ArrayList<>();
      for (String range : orEmpty(doc.postalCodes())) {
        try {
          ranges.add(PostalRange.parse(range));
        } catch (IllegalArgumentException | NullPointerException badRange) {
          problems.add(record, "postalCodes", String.valueOf(badRange.getMessage()));
          ok = false;
        }
      }
      Set<String> states =
          orEmpty(doc.states()).stream()
              .map(s -> s.trim().toUpperCase(Locale.ROOT))
              .collect(Collectors.toSet());
      if (ok) {
        territories.add(new Territory(name, countries, states, ranges, doc.team().trim()));
      }
    }
    return territories;
  }

  private static Set<String> countries(
      Problems problems, String record, String field, List<String> codes) {
    Set<String> countries = new HashSet<>();
    for (String code : orEmpty(codes)) {
      String iso = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
      if (ISO_COUNTRIES.contains(iso)) {
        countries.add(iso);
      } else {
        problems.add(record, field, "'" + code + "' is not an ISO 3166 two-letter country code");
      }
    }
    return countries;
  }
}

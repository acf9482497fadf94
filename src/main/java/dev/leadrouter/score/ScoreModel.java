package dev.leadrouter.score;

import java.util.Comparator;
import java.util.List;

/** The configured score rules and tiers; tiers are kept highest threshold first. */
public record ScoreModel(List<ScoreRule> rules, List<ScoreTier> tiers) {

  public static final ScoreModel EMPTY = new ScoreModel(List.of(), List.of());

  public ScoreModel {
    rules = List.copyOf(rules);
    tiers = tiers.stream().sorted(Comparator.comparingInt(ScoreTier::minScore).reversed()).toList();
  }
}

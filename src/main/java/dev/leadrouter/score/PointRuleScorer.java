package dev.leadrouter.score;

import dev.leadrouter.lead.FieldSource;
import java.util.ArrayList;
import java.util.List;

/** Adds up the points of every rule whose criteria hold, then picks the highest tier reached. */
public final class PointRuleScorer implements LeadScorer {

  @Override
  public LeadScore score(FieldSource lead, ScoreModel model) {
    if (model.rules().isEmpty() && model.tiers().isEmpty()) {
      return LeadScore.NONE;
    }
    int fit = 0;
    int intent = 0;
    List<String> hits = new ArrayList<>();
    for (ScoreRule rule : model.rules()) {
      if (rule.when().matches(lead)) {
        hits.add(rule.name());
        if (rule.category() == ScoreCategory.FIT) {
          fit += rule.points();
        } else {
          intent += rule.points();
        }
      }
    }
    int total = fit + intent;
    for (ScoreTier tier : model.tiers()) {
      if (total >= tier.minScore()) {
        return new LeadScore(fit, intent, tier.name(), tier.slaMinutes(), hits);
      }
    }
    return new LeadScore(fit, intent, null, null, hits);
  }
}

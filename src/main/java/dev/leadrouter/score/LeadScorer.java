package dev.leadrouter.score;

import dev.leadrouter.lead.FieldSource;

/** Scores a normalized lead for fit and intent. */
public interface LeadScorer {
  LeadScore score(FieldSource lead, ScoreModel model);
}

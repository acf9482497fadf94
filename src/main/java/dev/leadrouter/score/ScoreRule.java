package dev.leadrouter.score;

import dev.leadrouter.criteria.CriteriaSet;
import java.util.Objects;

/** Points a lead earns (or loses, when negative) when its criteria hold. */
public record ScoreRule(String name, ScoreCategory category, CriteriaSet when, int points) {

  public ScoreRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(when, "when");
  }
}

package dev.leadrouter.score;

import java.util.Objects;

/**
 * A named band of total score, such as hot, warm or cold. Tiers choose the follow-up SLA when the
 * routing rule does not set one.
 *
 * @param slaMinutes minutes to first touch for leads in this tier, or {@code null} for none
 */
public record ScoreTier(String name, int minScore, Integer slaMinutes) {

  public ScoreTier {
    Objects.requireNonNull(name, "name");
  }
}

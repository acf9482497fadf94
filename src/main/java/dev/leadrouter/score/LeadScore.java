package dev.leadrouter.score;

import java.util.List;

/**
 * A lead's score: fit and intent points, their total, the tier it falls in, and the rules that gave
 * points (for the explanation).
 *
 * @param tier the tier name, or {@code null} when no tier is configured or none fits
 */
public record LeadScore(
    int fit, int intent, String tier, Integer tierSlaMinutes, List<String> hits) {

  public static final LeadScore NONE = new LeadScore(0, 0, null, null, List.of());

  public LeadScore {
    hits = List.copyOf(hits);
  }

  public int total() {
    return fit + intent;
  }
}

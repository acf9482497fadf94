package dev.leadrouter.score;

import com.google.inject.AbstractModule;

/** Binds the scoring stage. */
public final class ScoreModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(LeadScorer.class).to(PointRuleScorer.class);
  }
}

package dev.leadrouter.engine;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.leadrouter.match.AccountMatcher;
import dev.leadrouter.match.DuplicateFinder;
import dev.leadrouter.normalize.NormalizeModule;
import dev.leadrouter.route.RouteModule;
import dev.leadrouter.score.ScoreModule;

/**
 * The decision path's stages: normalize, (match,) score, route. Needs a {@code Clock} bound
 * elsewhere.
 */
public final class EngineModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new NormalizeModule());
    install(new ScoreModule());
    install(new RouteModule());
    // No matching unless MatchModule is installed: existing callers and golden records keep
    // deciding from the account and duplicate their leads carry.
    OptionalBinder.newOptionalBinder(binder(), AccountMatcher.class)
        .setDefault()
        .toInstance(AccountMatcher.NONE);
    OptionalBinder.newOptionalBinder(binder(), DuplicateFinder.class)
        .setDefault()
        .toInstance(DuplicateFinder.NONE);
  }
}

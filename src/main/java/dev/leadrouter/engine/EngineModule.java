package dev.leadrouter.engine;

import com.google.inject.AbstractModule;
import dev.leadrouter.normalize.NormalizeModule;
import dev.leadrouter.route.RouteModule;
import dev.leadrouter.score.ScoreModule;

/** The decision path's stages: normalize, score, route. Needs a {@code Clock} bound elsewhere. */
public final class EngineModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new NormalizeModule());
    install(new ScoreModule());
    install(new RouteModule());
  }
}

package dev.leadrouter.match;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;

/**
 * Turns matching on: binds the index-backed {@link AccountMatcher} and {@link DuplicateFinder} over
 * the engine's no-op defaults, and one {@link AccountIndex} and {@link DuplicateIndex} for the
 * loaders and change appliers to fill. Needs {@code NormalizeModule} (the engine installs it).
 */
public final class MatchModule extends AbstractModule {

  private final MatchPolicy policy;
  private final CustomAccountFields customFields;

  public MatchModule() {
    this(MatchPolicy.defaults(), CustomAccountFields.none());
  }

  public MatchModule(MatchPolicy policy, CustomAccountFields customFields) {
    this.policy = policy;
    this.customFields = customFields;
  }

  @Override
  protected void configure() {
    bind(AccountIndex.class).in(Singleton.class);
    bind(DuplicateIndex.class).in(Singleton.class);
    bind(AccountKeys.class).in(Singleton.class);
    bind(FuzzyNameScorer.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), AccountMatcher.class)
        .setBinding()
        .to(IndexAccountMatcher.class);
    OptionalBinder.newOptionalBinder(binder(), DuplicateFinder.class)
        .setBinding()
        .to(IndexDuplicateFinder.class);
  }

  @Provides
  MatchPolicy policy() {
    return policy;
  }

  @Provides
  CustomAccountFields customFields() {
    return customFields;
  }
}

package dev.leadrouter.console;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.leadrouter.admin.ConsolePage;
import java.util.Objects;

/**
 * Adds the ops console's pages to the admin server of a worker assembled with its admin endpoint
 * ({@code WorkerAssembly.withAdmin(..., new ConsoleModule(rules))}): the pages use the worker's
 * store, meters and dead-letter replay from the same injector.
 */
public final class ConsoleModule extends AbstractModule {

  private final RulesInForce rules;

  public ConsoleModule(RulesInForce rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  protected void configure() {
    bind(RulesInForce.class).toInstance(rules);
    Multibinder<ConsolePage> pages = Multibinder.newSetBinder(binder(), ConsolePage.class);
    pages.addBinding().to(OverviewPage.class);
    pages.addBinding().to(SearchPage.class);
    pages.addBinding().to(WhyPage.class);
    pages.addBinding().to(SlaBoardPage.class);
    pages.addBinding().to(ShadowPage.class);
    pages.addBinding().to(RulesPage.class);
    pages.addBinding().to(DeadLettersPage.class);
  }
}

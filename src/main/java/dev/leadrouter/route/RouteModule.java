package dev.leadrouter.route;

import com.google.inject.AbstractModule;

/** Binds the routing stage. */
public final class RouteModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(LeadRouter.class).to(RuleHierarchyRouter.class);
  }
}

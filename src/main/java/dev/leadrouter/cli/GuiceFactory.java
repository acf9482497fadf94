package dev.leadrouter.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/** Lets picocli create commands through Guice, so commands get their stages injected. */
final class GuiceFactory implements CommandLine.IFactory {

  private final Injector injector;

  GuiceFactory(Injector injector) {
    this.injector = injector;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return injector.getInstance(type);
    } catch (ConfigurationException notInjectable) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}

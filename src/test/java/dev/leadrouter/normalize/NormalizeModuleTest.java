package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.lead.Lead;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizeModuleTest {

  @Test
  void bindsOneStandardNormalizer() {
    Injector injector = Guice.createInjector(new NormalizeModule());
    LeadNormalizer normalizer = injector.getInstance(LeadNormalizer.class);

    assertThat(normalizer).isInstanceOf(StandardLeadNormalizer.class);
    assertThat(injector.getInstance(LeadNormalizer.class)).isSameAs(normalizer);
    assertThat(injector.getInstance(CountryNormalizer.class))
        .isSameAs(injector.getInstance(CountryNormalizer.class));
    assertThat(normalizer.normalize(Lead.of("x", Map.of("Country", "UK"))).countryCode())
        .isEqualTo("GB");
  }
}

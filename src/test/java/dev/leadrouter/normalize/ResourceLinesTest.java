package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceLinesTest {

  @Test
  void missingResourceIsAProgrammingError() {
    assertThatThrownBy(() -> ResourceLines.read("normalize/no-such-file.tsv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-file");
  }

  @Test
  void wrongColumnCountNamesTheLine() {
    ResourceLines.Line line = new ResourceLines.Line("x.tsv", 7, "only one column");
    assertThatThrownBy(() -> line.columns(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("x.tsv:7");
  }
}

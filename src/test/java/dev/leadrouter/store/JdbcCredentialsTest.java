package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcCredentialsTest {

  @Test
  void takesUserAndPasswordOutOfTheUserInfo() {
    JdbcCredentials split = JdbcCredentials.split("jdbc:postgresql://lr:p%40ss@db:5432/leadrouter");

    assertThat(split.url()).isEqualTo("jdbc:postgresql://db:5432/leadrouter");
    assertThat(split.user()).contains("lr");
    assertThat(split.password()).contains("p@ss");
  }

  @Test
  void takesThePasswordParameterOutWhereverItStands() {
    assertThat(JdbcCredentials.split("jdbc:h2:mem:x;USER=sa;PASSWORD=pw;MODE=PostgreSQL"))
        .isEqualTo(
            new JdbcCredentials(
                "jdbc:h2:mem:x;USER=sa;MODE=PostgreSQL", Optional.empty(), Optional.of("pw")));
    assertThat(JdbcCredentials.split("jdbc:postgresql://db/x?password=pw&ssl=true").url())
        .isEqualTo("jdbc:postgresql://db/x?ssl=true");
    assertThat(JdbcCredentials.split("jdbc:postgresql://db/x?ssl=true&password=pw").url())
        .isEqualTo("jdbc:postgresql://db/x?ssl=true");
  }

  @Test
  void leavesAUrlWithoutCredentialsAlone() {
    String url = "jdbc:h2:file:./data/lead-router;MODE=PostgreSQL";

    assertThat(JdbcCredentials.split(url))
        .isEqualTo(new JdbcCredentials(url, Optional.empty(), Optional.empty()));
  }
}

package dev.leadrouter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Paging rules on their own; the HTTP side is covered by {@link RestClientTest}. */
class QueryCursorTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> fetched = new ArrayList<>();

  @Test
  void skipsAnEmptyPageThatIsNotTheLast() throws Exception {
    Map<String, String> pages =
        Map.of(
            "/q",
            "{\"done\":false,\"nextRecordsUrl\":\"/q-2\",\"records\":[]}",
            "/q-2",
            "{\"done\":true,\"records\":[{\"Id\":\"00Q1\"}]}");
    QueryCursor cursor = new QueryCursor("/q", path -> page(path, pages.get(path)));

    assertThat(cursor.next().get("Id").asText()).isEqualTo("00Q1");
    assertThat(cursor.hasNext()).isFalse();
    assertThat(fetched).containsExactly("/q", "/q-2");
  }

  @Test
  void stopsAtDoneEvenIfALocatorIsPresent() {
    QueryCursor cursor =
        new QueryCursor(
            "/q", path -> page(path, "{\"done\":true,\"nextRecordsUrl\":\"/q-2\",\"records\":[]}"));

    assertThat(cursor.hasNext()).isFalse();
    assertThat(fetched).hasSize(1);
    assertThatThrownBy(cursor::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void fetchesNothingUntilAsked() {
    new QueryCursor("/q", path -> page(path, "{\"done\":true,\"records\":[]}"));

    assertThat(fetched).isEmpty();
  }

  private JsonNode page(String path, String body) {
    fetched.add(path);
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

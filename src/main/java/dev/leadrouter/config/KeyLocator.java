package dev.leadrouter.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a key stands in a YAML or JSON document, following a path of field names and list
 * positions, so that errors can point at the line an admin must change.
 */
final class KeyLocator {

  private final JsonFactory factory;

  KeyLocator(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * @param path the references from the root to the key, the key itself last
   */
  Optional<JsonLocation> find(byte[] content, List<Reference> path) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    try (JsonParser parser = factory.createParser(content)) {
      parser.nextToken();
      return find(parser, path, 0);
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /** The parser stands on the start of the value that {@code path[depth]} looks into. */
  private static Optional<JsonLocation> find(JsonParser parser, List<Reference> path, int depth)
      throws IOException {
    Reference step = path.get(depth);
    boolean last = depth == path.size() - 1;
    if (step.getFieldName() != null && parser.currentToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (name.equals(step.getFieldName())) {
          if (last) {
            return Optional.of(parser.currentTokenLocation());
          }
          parser.nextToken();
          return find(parser, path, depth + 1);
        }
        parser.nextToken();
        parser.skipChildren();
      }
    } else if (step.getIndex() >= 0 && parser.currentToken() == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY && parser.currentToken() != null) {
        if (index++ == step.getIndex()) {
          return last ? Optional.of(parser.currentTokenLocation()) : find(parser, path, depth + 1);
        }
        parser.skipChildren();
      }
    }
    return Optional.empty();
  }
}

package dev.leadrouter.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Walks the records of a query page by page: the next page ({@code nextRecordsUrl}) is fetched only
 * when the records already fetched are used up, and not at all once a page says {@code done}.
 */
final class QueryCursor implements Iterator<JsonNode> {

  private final Function<String, JsonNode> fetch;
  private String next;
  private Iterator<JsonNode> page = Collections.emptyIterator();

  /**
   * @param firstPage path of the first page, relative to the instance URL
   * @param fetch fetches a page by its path
   */
  QueryCursor(String firstPage, Function<String, JsonNode> fetch) {
    this.next = firstPage;
    this.fetch = fetch;
  }

  @Override
  public boolean hasNext() {
    // A page may be empty yet not the last, so keep fetching until a record or the end.
    while (!page.hasNext() && next != null) {
      JsonNode body = fetch.apply(next);
      page = body.path("records").elements();
      String nextUrl = body.path("nextRecordsUrl").asText("");
      next = body.path("done").asBoolean(true) || nextUrl.isEmpty() ? null : nextUrl;
    }
    return page.hasNext();
  }

  @Override
  public JsonNode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.next();
  }
}

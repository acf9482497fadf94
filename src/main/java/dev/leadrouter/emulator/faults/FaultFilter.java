package dev.leadrouter.emulator.faults;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;

/**
 * Injects the faults that happen below the API: added latency on every request, and CometD long
 * polls that are stalled or whose connection is cut.
 *
 * <p>A long poll is recognised by the {@code /connect} the CometD Java client (and so EMP-Connector
 * and our worker) appends to the endpoint URL for {@code /meta/connect}; clients that post every
 * message to the bare endpoint (faye, jsforce) are not stalled or dropped.
 */
public final class FaultFilter extends HttpFilter {

  private final transient Faults faults;
  private final String cometdPath;

  /**
   * @param cometdPath e.g. {@code /cometd/62.0}
   */
  public FaultFilter(Faults faults, String cometdPath) {
    this.faults = faults;
    this.cometdPath = cometdPath;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long latency = faults.latency().toMillis();
    if (latency > 0) {
      try {
        // The request thread is held as a slow org holds it; the emulator has threads to spare.
        TimeUnit.MILLISECONDS.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (isLongPoll(request)) {
      switch (faults.nextPoll()) {
        case DROP -> {
          cut(request);
          return;
        }
        case STALL -> {
          stall(request);
          return;
        }
        case NONE -> {}
      }
    }
    chain.doFilter(request, response);
  }

  private boolean isLongPoll(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return "POST".equals(request.getMethod())
        && uri.startsWith(cometdPath)
        && uri.endsWith("/connect");
  }

  /** Holds the poll unanswered, then cuts its connection: the client's own timeout must act. */
  private void stall(HttpServletRequest request) {
    AsyncContext async = request.startAsync();
    async.setTimeout(faults.stallFor().toMillis());
    async.addListener(
        new AsyncListener() {
          @Override
          public void onTimeout(AsyncEvent event) {
            cut(request);
            event.getAsyncContext().complete();
          }

          @Override
          public void onComplete(AsyncEvent event) {}

          @Override
          public void onError(AsyncEvent event) {}

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
  }

  /** Closes the TCP connection without an answer, as a load balancer dropping it does. */
  private static void cut(HttpServletRequest request) {
    ServletContextRequest.getServletContextRequest(request)
        .getConnectionMetaData()
        .getConnection()
        .getEndPoint()
        .close();
  }
}

package dev.leadrouter.emulator.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /emulator/faults}, not part of any Salesforce API: {@code GET} shows the faults in force,
 * {@code PUT} (body: a fault list as {@code --faults} takes it, e.g. {@code lock=0.1}) replaces
 * them. Lets a demo or a script change faults while clients run. Bound to loopback like the org.
 */
public final class FaultAdminServlet extends HttpServlet {

  private final transient Faults faults;
  private final transient ObjectMapper json = new ObjectMapper();

  public FaultAdminServlet(Faults faults) {
    this.faults = faults;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    reply(response, 200, Map.of("faults", faults.plan().describe()));
  }

  @Override
  protected void doPut(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String list = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      faults.set(list);
    } catch (IllegalArgumentException e) {
      reply(response, 400, Map.of("error", e.getMessage()));
      return;
    }
    reply(response, 200, Map.of("faults", faults.plan().describe()));
  }

  private void reply(HttpServletResponse response, int status, Map<String, String> body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}

package dev.leadrouter.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The console's jte templates ({@code src/main/jte}), compiled to classes at build time, so a page
 * never compiles anything at run time and a template error fails the build. Output is HTML-escaped
 * wherever a value lands, so a lead's company or a rule's name cannot inject markup.
 */
public final class ConsoleTemplates {

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /**
   * @param template e.g. {@code search.jte}
   * @param parameters the template's {@code @param}s by name
   */
  public String render(String template, Map<String, Object> parameters) {
    StringOutput html = new StringOutput();
    engine.render(template, parameters, html);
    return html.toString();
  }
}

package dev.leadrouter.emulator.xml;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads request bodies with the JDK's XML parser. Bodies come from any client, so DTDs, external
 * entities and XInclude are all refused (no XXE, no entity expansion).
 */
public final class SafeXml {

  private SafeXml() {}

  /**
   * A request's body, gunzipped when {@code Content-Encoding: gzip}: force-wsc compresses requests
   * unless told not to, as orgs accept.
   */
  public static InputStream body(HttpServletRequest request) throws IOException {
    InputStream in = request.getInputStream();
    String encoding = request.getHeader("Content-Encoding");
    return encoding != null && encoding.trim().equalsIgnoreCase("gzip")
        ? new GZIPInputStream(in)
        : in;
  }

  /** The document, or empty when the body is not well-formed XML (or declares a DTD). */
  public static Optional<Document> parse(InputStream body) throws IOException {
    try {
      return Optional.of(builder().parse(body));
    } catch (SAXException malformed) {
      return Optional.empty();
    }
  }

  /** The text of the only element with this namespace and local name, if there is exactly one. */
  public static Optional<String> text(Document document, String namespace, String name) {
    NodeList nodes = document.getElementsByTagNameNS(namespace, name);
    return nodes.getLength() == 1
        ? Optional.of(nodes.item(0).getTextContent().trim())
        : Optional.empty();
  }

  /** Escapes text for an element's content. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** {@code <name>value</name>}, the value escaped. */
  public static String element(String name, Object value) {
    return "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      // Malformed bodies are the caller's problem, answered with a fault, not logged to stderr.
      builder.setErrorHandler(new DefaultHandler());
      return builder;
    } catch (ParserConfigurationException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

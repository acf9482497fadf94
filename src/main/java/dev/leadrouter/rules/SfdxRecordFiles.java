package dev.leadrouter.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Custom Metadata records as SFDX source files: {@code customMetadata/<Type>.<Record>.md-meta.xml},
 * the type named without its {@code __mdt} suffix, in the CustomMetadata format of
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_custommetadata.htm
 * (each value typed with {@code xsi:type}, an empty value written {@code xsi:nil="true"}).
 */
public final class SfdxRecordFiles {

  static final String METADATA_NS = "http://soap.sforce.com/2006/04/metadata";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  static final String SUFFIX = ".md-meta.xml";

  /** Reads every record file in the folder, sorted by file name. */
  public List<MetadataRecord> read(Path folder) {
    List<MetadataRecord> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
        records.add(readFile(file));
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read custom metadata folder " + folder, unreadable);
    }
    return records;
  }

  /**
   * One record file.
   *
   * @throws IllegalArgumentException when it is not a CustomMetadata record file
   */
  public MetadataRecord readFile(Path file) {
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.length() - SUFFIX.length());
    int dot = stem.indexOf('.');
    if (dot < 1 || dot == stem.length() - 1) {
      throw new IllegalArgumentException(
          file + ": record files are named <Type>.<Record>" + SUFFIX);
    }
    Document xml;
    try (InputStream in = Files.newInputStream(file)) {
      xml = parser().parse(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read " + file, unreadable);
    } catch (SAXException malformed) {
      throw new IllegalArgumentException(
          file + " is not well-formed XML: " + malformed.getMessage());
    }
    Element root = xml.getDocumentElement();
    if (!"CustomMetadata".equals(root.getLocalName())
        || !METADATA_NS.equals(root.getNamespaceURI())) {
      throw new IllegalArgumentException(file + " is not a CustomMetadata record");
    }
    String label = childText(root, "label");
    Map<String, Object> values = new LinkedHashMap<>();
    NodeList entries = root.getElementsByTagNameNS(METADATA_NS, "values");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      String field = childText(entry, "field");
      Element value = child(entry, "value");
      if (field == null) {
        throw new IllegalArgumentException(file + ": a <values> entry has no <field>");
      }
      values.put(field, value == null ? null : typed(file, field, value));
    }
    return new MetadataRecord(
        stem.substring(0, dot) + "__mdt", stem.substring(dot + 1), label, values);
  }

  /** Writes each record to its file in the folder (created when missing). */
  public void write(Path folder, List<MetadataRecord> records) {
    try {
      Files.createDirectories(folder);
      for (MetadataRecord record : records) {
        Files.writeString(file(folder, record), xml(record), StandardCharsets.UTF_8);
      }
    } catch (IOException unwritable) {
      throw new UncheckedIOException("cannot write custom metadata to " + folder, unwritable);
    }
  }

  static Path file(Path folder, MetadataRecord record) {
    String type = record.type().substring(0, record.type().length() - "__mdt".length());
    return folder.resolve(type + "." + record.developerName() + SUFFIX);
  }

  /** The record as Salesforce retrieves it: values in field order. */
  static String xml(MetadataRecord record) {
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<CustomMetadata xmlns=\"")
        .append(METADATA_NS)
        .append("\" xmlns:xsi=\"")
        .append(XSI_NS)
        .append("\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n")
        .append("    <label>")
        .append(escape(record.label()))
        .append("</label>\n")
        .append("    <protected>false</protected>\n");
    Map<String, Object> sorted = new TreeMap<>(Comparator.naturalOrder());
    sorted.putAll(record.values());
    sorted.forEach(
        (field, value) -> {
          out.append("    <values>\n        <field>").append(field).append("</field>\n");
          if (value == null) {
            out.append("        <value xsi:nil=\"true\"/>\n");
          } else {
            out.append("        <value xsi:type=\"")
                .append(xsdType(value))
                .append("\">")
                .append(escape(lexical(value)))
                .append("</value>\n");
          }
          out.append("    </values>\n");
        });
    return out.append("</CustomMetadata>\n").toString();
  }

  private static String xsdType(Object value) {
    if (value instanceof Boolean) {
      return "xsd:boolean";
    }
    return value instanceof Number ? "xsd:double" : "xsd:string";
  }

  private static String lexical(Object value) {
    if (value instanceof BigDecimal number) {
      // Salesforce retrieves numbers as doubles: 10 comes back as 10.0.
      String plain = number.stripTrailingZeros().toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return value.toString();
  }

  private static Object typed(Path file, String field, Element value) {
    if ("true".equals(value.getAttributeNS(XSI_NS, "nil"))) {
      return null;
    }
    String type = value.getAttributeNS(XSI_NS, "type");
    String text = value.getTextContent();
    String local = type.contains(":") ? type.substring(type.indexOf(':') + 1) : type;
    try {
      return switch (local) {
        case "boolean" -> Boolean.parseBoolean(text.trim());
        case "double", "int", "long", "decimal" -> new BigDecimal(text.trim());
        default -> text;
      };
    } catch (NumberFormatException notNumber) {
      throw new IllegalArgumentException(
          file + ": " + field + " is typed " + type + " but holds '" + text + "'");
    }
  }

  static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // Metadata files never need a DTD; refusing them rules out entity expansion and XXE.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException impossible) {
      throw new IllegalStateException("the JDK XML parser lacks a standard feature", impossible);
    }
  }

  static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) {
        return element;
      }
    }
    return null;
  }

  static String childText(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? null : child.getTextContent();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

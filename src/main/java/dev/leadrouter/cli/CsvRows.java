package dev.leadrouter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Reads Salesforce CSV exports (Data Loader, reports) row by row with their line numbers: a row the
 * parser cannot read is reported on standard error and skipped, so one bad row never stops a run.
 */
final class CsvRows {

  private final CsvMapper csv = new CsvMapper();
  private final PrintWriter err;
  private int skipped;

  CsvRows(PrintWriter err) {
    this.err = err;
  }

  /** Rows reported and skipped so far, by this reader and by {@link #skip}. */
  int skipped() {
    return skipped;
  }

  /** Reports a row the caller rejects, naming the file and line. */
  void skip(Path file, int line, String problem) {
    skipped++;
    err.println(file.getFileName() + " line " + line + ": " + problem + "; row skipped");
  }

  /**
   * Reads a CSV file with a header row, handing each row (with its line number) to {@code row}.
   *
   * @param required columns the header must have
   * @return the rows handed over
   * @throws InputException when the file is missing or its header lacks a required column
   */
  int read(Path file, List<String> required, BiConsumer<Integer, Map<String, String>> row) {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    int rows = 0;
    try (Reader reader = bomless(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        MappingIterator<Map<String, String>> iterator =
            csv.readerForMapOf(String.class).with(schema).readValues(reader)) {
      CsvSchema header = (CsvSchema) iterator.getParserSchema();
      for (String column : required) {
        if (header.column(column) == null) {
          throw new InputException(
              file + ": the header has no column " + column + " (expected " + required + ")");
        }
      }
      int lastBad = 0;
      while (true) {
        int line = 0;
        try {
          if (!iterator.hasNextValue()) {
            break;
          }
          line = iterator.getCurrentLocation().getLineNr();
          Map<String, String> values = iterator.nextValue();
          row.accept(line, values);
          rows++;
        } catch (RuntimeJsonMappingException | IllegalArgumentException bad) {
          skip(file, Math.max(line, lineOf(iterator)), firstLine(bad.getMessage()));
        } catch (CsvReadException tooMany) {
          // A row with more cells than the header: an unquoted comma shifted it. The parser is
          // past the row, so reading goes on.
          int at =
              tooMany.getLocation() == null ? lineOf(iterator) : tooMany.getLocation().getLineNr();
          skip(file, at, firstLine(tooMany.getOriginalMessage()));
          if (at <= lastBad) {
            break; // the parser is stuck on this row: stop rather than loop
          }
          lastBad = at;
        } catch (JsonProcessingException broken) {
          // The parser cannot find the next row boundary (an unclosed quote runs to the end):
          // keep what was read, say where reading stopped.
          skip(
              file,
              broken.getLocation() == null ? lineOf(iterator) : broken.getLocation().getLineNr(),
              firstLine(broken.getOriginalMessage()) + "; the rest of the file is not read");
          break;
        }
      }
    } catch (NoSuchFileException missing) {
      throw new InputException(file + ": no such file");
    } catch (IOException unreadable) {
      throw new UncheckedIOException(file + ": " + unreadable.getMessage(), unreadable);
    }
    return rows;
  }

  /** Lines in the file, header included; for a progress bar's total, so never fails. */
  static long countLines(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    } catch (IOException | UncheckedIOException unreadable) {
      return 1;
    }
  }

  static String abbreviate(String value) {
    if (value == null) {
      return "";
    }
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }

  private static int lineOf(MappingIterator<?> iterator) {
    return iterator.getCurrentLocation().getLineNr();
  }

  /** Data Loader and Excel write a byte-order mark; it must not become part of the first header. */
  private static Reader bomless(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable row";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

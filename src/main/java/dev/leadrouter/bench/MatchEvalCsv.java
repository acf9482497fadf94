package dev.leadrouter.bench;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.leadrouter.match.Account;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an evaluation set as the CSV files {@code lead-router match} reads (headers as a Data
 * Loader export writes them) plus the answer key, so the set can be looked at and the batch command
 * checked against it.
 */
public final class MatchEvalCsv {

  private MatchEvalCsv() {}

  /** Writes {@code accounts.csv}, {@code leads.csv} and {@code expected.csv} into {@code dir}. */
  public static void write(MatchEvalSet set, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<List<String>> accounts = new ArrayList<>();
    for (Account a : set.accounts()) {
      accounts.add(
          Arrays.asList(
              a.id().value(),
              a.name(),
              a.website(),
              a.billingCountry(),
              a.billingState(),
              a.ownerId() == null ? null : a.ownerId().value(),
              a.parentId() == null ? null : a.parentId().value(),
              a.type(),
              a.employees() == null ? null : a.employees().toString(),
              a.industry(),
              String.join(";", a.aliases()),
              Boolean.toString(a.ownerActive())));
    }
    write(
        dir.resolve("accounts.csv"),
        List.of(
            "Id",
            "Name",
            "Website",
            "BillingCountry",
            "BillingState",
            "OwnerId",
            "ParentId",
            "Type",
            "NumberOfEmployees",
            "Industry",
            "Aliases",
            "Owner.IsActive"),
        accounts);
    List<List<String>> leads = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (MatchEvalSet.LabelledLead labelled : set.leads()) {
      var lead = labelled.lead();
      leads.add(
          Arrays.asList(
              lead.id(),
              lead.get("email"),
              lead.get("company"),
              lead.get("website"),
              lead.get("country"),
              lead.get("state")));
      expected.add(
          Arrays.asList(lead.id(), labelled.expected() == null ? "" : labelled.expected().value()));
    }
    write(
        dir.resolve("leads.csv"),
        List.of("Id", "Email", "Company", "Website", "Country", "State"),
        leads);
    write(dir.resolve("expected.csv"), List.of("lead_id", "account_id"), expected);
  }

  private static void write(Path file, List<String> header, List<List<String>> rows)
      throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    header.forEach(schema::addColumn);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        SequenceWriter out = new CsvMapper().writer(schema.build()).writeValues(writer)) {
      for (List<String> row : rows) {
        out.write(row);
      }
    }
  }
}

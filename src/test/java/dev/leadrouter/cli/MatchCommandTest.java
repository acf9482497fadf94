package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

  private static final String ACCOUNT_HEADER =
      "Id,Name,Website,BillingCountry,BillingState,OwnerId,ParentId,Type,NumberOfEmployees,Industry";
  private static final String LEAD_HEADER = "Id,Email,Company,Website,Country,State";

  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private CliRun match(Path accounts, Path leads, Path out) {
    return CliRun.of(
        "match",
        "--accounts",
        accounts.toString(),
        "--leads",
        leads.toString(),
        "--out",
        out.toString());
  }

  @Test
  void matchesLeadsAndWritesOneRowEachWithAnEmptyAccountForNoMatch() throws IOException {
    Path accounts =
        write(
            "accounts.csv",
            "\uFEFF" + ACCOUNT_HEADER, // Data Loader writes a byte-order mark
            "001000000000001,Acme GmbH,www.acme.com,Germany,,005000000000001,,Customer - Direct,250,Manufacturing",
            "001000000000002,\"Globex, Inc.\",globex.com,USA,CA,005000000000002,,Prospect,12,Technology");
    Path leads =
        write(
            "leads.csv",
            LEAD_HEADER,
            "00Q000000000001,ann@acme.com,,,,",
            "00Q000000000002,bob@gmail.com,Globex Inc,,US,",
            "00Q000000000003,carol@gmail.com,Initech,,,");
    Path out = dir.resolve("matches.csv");

    CliRun run = match(accounts, leads, out);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "lead_id,account_id,confidence,method",
            "00Q000000000001,001000000000001AAA,0.95,\"email domain\"",
            "00Q000000000002,001000000000002AAA,0.9,\"exact name\"",
            "00Q000000000003,,,");
    assertThat(run.err()).contains("2 accounts, 3 leads, 2 matched, 0 rows skipped");
  }

  @Test
  void badRowsAreReportedWithTheirLineNumberAndSkipped() throws IOException {
    Path accounts =
        write(
            "accounts.csv",
            ACCOUNT_HEADER,
            "001000000000001,Acme GmbH,acme.com,Germany,,005000000000001,,,,",
            "not-an-id,Broken Inc,broken.com,US,,,,,,",
            "001000000000003,Initech,,US,,005000000000003,,Prospect,many,Tech",
            "001000000000004,,,US,,,,,,");
    Path leads =
        write(
            "leads.csv",
            LEAD_HEADER,
            "00Q000000000001,ann@acme.com,,,,",
            "nope,x@y.com,Z,,,",
            "00Q000000000002,b@acme.com,Acme,,,,,,",
            "00Q000000000003,c@acme.com,,,,",
            "00Q000000000004,\"unclosed,d@acme.com,,,,");
    Path out = dir.resolve("matches.csv");

    CliRun run = match(accounts, leads, out);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err())
        .contains("accounts.csv line 3: Id 'not-an-id' is not a Salesforce id; row skipped")
        .contains("accounts.csv line 4: NumberOfEmployees 'many' is not a number")
        .contains("accounts.csv line 5: neither Name nor Website is given")
        .contains("leads.csv line 3: Id 'nope' is not a Salesforce id")
        .contains("leads.csv line 4: Too many entries")
        .contains("the rest of the file is not read")
        .doesNotContain("Exception");
    List<String> rows = Files.readAllLines(out);
    assertThat(rows)
        .containsExactly(
            "lead_id,account_id,confidence,method",
            "00Q000000000001,001000000000001AAA,0.95,\"email domain\"",
            "00Q000000000003,001000000000001AAA,0.95,\"email domain\"");
  }

  @Test
  void aFileWithoutTheExpectedColumnsIsAnInputError() throws IOException {
    Path accounts = write("accounts.csv", "Id,Name", "001000000000001,Acme");
    Path leads = write("leads.csv", LEAD_HEADER);

    CliRun run = match(accounts, leads, dir.resolve("out.csv"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("accounts.csv: the header has no column Website");
  }

  @Test
  void aMissingFileIsAnInputError() throws IOException {
    Path leads = write("leads.csv", LEAD_HEADER);

    CliRun run = match(dir.resolve("nothing.csv"), leads, dir.resolve("out.csv"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nothing.csv: no such file");
  }
}

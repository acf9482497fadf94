package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Files users hand the command line: the {@code match} command's account and lead CSV exports and
 * the lead documents of {@code demo}/{@code explain}. Bad content is reported (a skipped row with
 * its line, or an {@link InputException} and exit code 2), never a crash (exit code 1 with a stack
 * trace) and never a hang. Seeds: {@code CsvAndLeadFilesFuzzTestInputs/}.
 */
class CsvAndLeadFilesFuzzTest {

  private static final String ACCOUNT_HEADER =
      "Id,Name,Website,BillingCountry,BillingState,OwnerId,ParentId,Type,NumberOfEmployees,Industry\n";
  private static final String LEAD_HEADER = "Id,Email,Company,Website,Country,State\n";
  private static final String LEADS_START = "--- leads ---\n";
  private static final String RAW = "--- raw ---\n";

  @FuzzTest(maxDuration = "120s")
  void matchReportsBadCsvRowsAndNeverCrashes(byte[] data) {
    // Each input is bounded, so a hang fails that input instead of stalling the run.
    assertTimeoutPreemptively(
        Duration.ofSeconds(20), () -> matchReportsBadCsvRowsAndNeverCrashesChecked(data));
  }

  private void matchReportsBadCsvRowsAndNeverCrashesChecked(byte[] data) throws IOException {
    // Input: account rows, LEADS_START, lead rows. The headers are written for them so the fuzzer
    // reaches the rows, unless the input starts with RAW (then it carries its own, or none).
    String input = new String(data, StandardCharsets.UTF_8);
    boolean headers = !input.startsWith(RAW);
    if (!headers) {
      input = input.substring(RAW.length());
    }
    int split = input.indexOf(LEADS_START);
    String accounts = split < 0 ? input : input.substring(0, split);
    String leads = split < 0 ? "" : input.substring(split + LEADS_START.length());
    Path dir = Files.createTempDirectory("match-fuzz");
    try {
      Path accountsFile = dir.resolve("accounts.csv");
      Path leadsFile = dir.resolve("leads.csv");
      Files.writeString(accountsFile, (headers ? ACCOUNT_HEADER : "") + accounts);
      Files.writeString(leadsFile, (headers ? LEAD_HEADER : "") + leads);

      CliRun run =
          CliRun.of(
              "match",
              "--accounts",
              accountsFile.toString(),
              "--leads",
              leadsFile.toString(),
              "--out",
              dir.resolve("out.csv").toString());

      assertThat(run.exitCode()).as(run.toString()).isIn(0, 2);
      assertThat(run.err()).as(run.toString()).doesNotContain("\tat ");
    } finally {
      deleteAll(dir);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void leadDocumentsReadOrAreRefusedWithAReason(byte[] content) {
    // Each input is bounded, so a hang fails that input instead of stalling the run.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> leadDocumentsReadOrAreRefusedWithAReasonChecked(content));
  }

  private void leadDocumentsReadOrAreRefusedWithAReasonChecked(byte[] content) throws IOException {
    Path file = Files.createTempFile("leads-fuzz", ".yaml");
    try {
      Files.write(file, content);
      try {
        assertThat(new LeadDocuments().readMany(file)).isNotNull();
      } catch (InputException refused) {
        assertThat(refused.getMessage()).isNotBlank();
      }
    } finally {
      Files.delete(file);
    }
  }

  private static void deleteAll(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }
}

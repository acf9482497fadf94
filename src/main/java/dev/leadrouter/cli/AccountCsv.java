package dev.leadrouter.cli;

import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountKeys;
import java.nio.file.Path;

/** Loads an account index from a Salesforce Account export, as {@code lead-router match} does. */
final class AccountCsv {

  private final CsvRows reader;
  private final AccountKeys keys;

  AccountCsv(CsvRows reader, AccountKeys keys) {
    this.reader = reader;
    this.keys = keys;
  }

  AccountIndex read(Path file) {
    AccountIndex index = new AccountIndex(keys, 1024);
    reader.read(
        file,
        MatchCommand.ACCOUNT_HEADERS,
        (line, row) -> {
          String problem = MatchCommand.accountProblem(row);
          if (problem != null) {
            reader.skip(file, line, problem);
          } else {
            index.upsert(MatchCommand.toAccount(row));
          }
        });
    return index;
  }
}

package dev.leadrouter.engine;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.route.AccountMatch;

/**
 * Firmographics from the matched account: a web form rarely asks for industry or company size,
 * while the account a rep already works usually has both. Only blank lead fields are filled; what
 * the lead says about itself stays.
 */
final class AccountFirmographics {

  static final String INDUSTRY = "Industry";
  static final String EMPLOYEES = "NumberOfEmployees";

  private AccountFirmographics() {}

  /** The lead with its blank industry and size taken from the account; the same lead if none. */
  static Lead fillBlanks(Lead lead, AccountMatch account) {
    if (account == null) {
      return lead;
    }
    Lead filled = lead;
    if (isBlank(lead.get(INDUSTRY)) && !isBlank(account.industry())) {
      filled = filled.with(INDUSTRY, account.industry());
    }
    if (isBlank(lead.get(EMPLOYEES)) && account.employees() != null) {
      filled = filled.with(EMPLOYEES, Integer.toString(account.employees()));
    }
    return filled;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}

package dev.leadrouter.bench;

import dev.leadrouter.lead.SalesforceId;
import java.util.Map;

/**
 * Another record-linkage engine run on the same evaluation set, for comparison. Found through
 * {@link java.util.ServiceLoader}, so it is present only in builds that include one (the {@code
 * duke} Maven profile adds Duke) and never on the worker's class path otherwise.
 */
public interface PeerMatcher {

  /** The engine's name and version, as the report keys it. */
  String name();

  /**
   * Links every lead of the set to at most one account.
   *
   * @param prepared the lead and account values as our normalizers give them, so the comparison is
   *     of matching, not of text cleaning
   * @return account by lead id, for the leads it matched
   */
  Map<String, SalesforceId> link(MatchEvalSet set, PreparedValues prepared);

  /** Normalized values of a record: name key, registrable company domain, ISO country. */
  record Values(String nameKey, String domain, String country) {}

  /** The normalized values of the set's accounts and leads. */
  interface PreparedValues {
    Values ofAccount(SalesforceId accountId);

    Values ofLead(String leadId);
  }
}

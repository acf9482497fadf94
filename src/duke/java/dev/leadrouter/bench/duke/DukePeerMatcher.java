package dev.leadrouter.bench.duke;

import dev.leadrouter.bench.MatchEvalSet;
import dev.leadrouter.bench.PeerMatcher;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.datasources.InMemoryDataSource;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Duke 1.2 (Lucene-backed record linkage) on the evaluation set, in record-linkage mode: accounts
 * are group 1, leads group 2, and Duke reports the best account above its threshold for each lead.
 * It gets the same normalized values our matcher sees (name key, company domain, ISO country); the
 * probabilities follow Duke's own examples for company names.
 */
public final class DukePeerMatcher implements PeerMatcher {

  /**
   * Chosen on the set for the best recall at precision of at least 0.99: at 0.8 Duke finds 99% of
   * the accounts but one match in five is wrong.
   */
  private static final double THRESHOLD = 0.95;

  @Override
  public String name() {
    return "duke-1.2";
  }

  @Override
  public Map<String, SalesforceId> link(MatchEvalSet set, PreparedValues prepared) {
    ConfigurationImpl config = new ConfigurationImpl();
    List<Property> properties = new ArrayList<>();
    properties.add(new PropertyImpl("ID"));
    PropertyImpl name = new PropertyImpl("NAME", new JaroWinkler(), 0.1, 0.98);
    PropertyImpl domain = new PropertyImpl("DOMAIN", new ExactComparator(), 0.3, 0.98);
    // Find candidates by name and by domain alike; by default Duke looks up by few properties.
    name.setLookupBehaviour(Property.Lookup.TRUE);
    domain.setLookupBehaviour(Property.Lookup.TRUE);
    properties.add(name);
    properties.add(domain);
    properties.add(new PropertyImpl("COUNTRY", new ExactComparator(), 0.45, 0.55));
    config.setProperties(properties);
    config.setThreshold(THRESHOLD);
    InMemoryDataSource accounts = new InMemoryDataSource();
    for (Account account : set.accounts()) {
      accounts.add(record("A" + account.id().value(), prepared.ofAccount(account.id())));
    }
    InMemoryDataSource leads = new InMemoryDataSource();
    for (MatchEvalSet.LabelledLead lead : set.leads()) {
      leads.add(record("L" + lead.lead().id(), prepared.ofLead(lead.lead().id())));
    }
    config.addDataSource(1, accounts);
    config.addDataSource(2, leads);
    Map<String, SalesforceId> linked = new HashMap<>();
    Map<String, Double> best = new HashMap<>();
    Processor processor = new Processor(config, true);
    processor.setThreads(1);
    processor.addMatchListener(
        new AbstractMatchListener() {
          @Override
          public void matches(Record r1, Record r2, double confidence) {
            Record lead = r1.getValue("ID").startsWith("L") ? r1 : r2;
            Record account = lead == r1 ? r2 : r1;
            String leadId = lead.getValue("ID").substring(1);
            if (confidence > best.getOrDefault(leadId, 0.0)) {
              best.put(leadId, confidence);
              linked.put(leadId, new SalesforceId(account.getValue("ID").substring(1)));
            }
          }
        });
    try {
      processor.link();
    } finally {
      processor.close();
    }
    return linked;
  }

  private static Record record(String id, Values values) {
    RecordImpl record = new RecordImpl();
    record.addValue("ID", id);
    if (values.nameKey() != null) {
      record.addValue("NAME", values.nameKey());
    }
    if (values.domain() != null) {
      record.addValue("DOMAIN", values.domain());
    }
    if (values.country() != null) {
      record.addValue("COUNTRY", values.country());
    }
    return record;
  }
}

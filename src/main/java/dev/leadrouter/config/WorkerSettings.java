package dev.leadrouter.config;

import java.util.Objects;

/**
 * Everything the worker is configured with, read and validated once at start by {@link
 * WorkerSettingsLoader}. Safe to log: secrets print as {@code ****}.
 *
 * @param mode the local default mode; the org's settings record decides in the end
 * @param salesforce the org connection
 * @param store the worker's own database
 * @param rules where routing rules come from
 * @param pipeline queue and batch sizes
 * @param admin the ops HTTP endpoint
 * @param logging the log format
 * @param enrich the enrichment provider and "hold until enriched"
 * @param sla SLA clocks, tasks and escalation
 * @param ha high availability: one active worker of several on one PostgreSQL
 * @param calls timeouts and retries of the calls to Salesforce
 */
public record WorkerSettings(
    Mode mode,
    SalesforceSettings salesforce,
    StoreSettings store,
    RulesSettings rules,
    PipelineSettings pipeline,
    AdminSettings admin,
    LoggingSettings logging,
    EnrichSettings enrich,
    SlaSettings sla,
    HaSettings ha,
    SalesforceCallSettings calls) {

  public WorkerSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(salesforce, "salesforce");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(enrich, "enrich");
    Objects.requireNonNull(sla, "sla");
    Objects.requireNonNull(ha, "ha");
    Objects.requireNonNull(calls, "calls");
  }

  /**
   * Settings with high availability as {@link HaSettings#defaults()} (on for PostgreSQL) and calls
   * to Salesforce as {@link SalesforceCallSettings#defaults()}.
   */
  public WorkerSettings(
      Mode mode,
      SalesforceSettings salesforce,
      StoreSettings store,
      RulesSettings rules,
      PipelineSettings pipeline,
      AdminSettings admin,
      LoggingSettings logging,
      EnrichSettings enrich,
      SlaSettings sla) {
    this(
        mode,
        salesforce,
        store,
        rules,
        pipeline,
        admin,
        logging,
        enrich,
        sla,
        HaSettings.defaults(),
        SalesforceCallSettings.defaults());
  }

  /** Settings without SLA tracking, as before it was configurable. */
  public WorkerSettings(
      Mode mode,
      SalesforceSettings salesforce,
      StoreSettings store,
      RulesSettings rules,
      PipelineSettings pipeline,
      AdminSettings admin,
      LoggingSettings logging,
      EnrichSettings enrich) {
    this(mode, salesforce, store, rules, pipeline, admin, logging, enrich, SlaSettings.disabled());
  }

  /** Settings without enrichment, as before enrichment was configurable. */
  public WorkerSettings(
      Mode mode,
      SalesforceSettings salesforce,
      StoreSettings store,
      RulesSettings rules,
      PipelineSettings pipeline,
      AdminSettings admin,
      LoggingSettings logging) {
    this(mode, salesforce, store, rules, pipeline, admin, logging, EnrichSettings.disabled());
  }

  /** The same settings in another mode, e.g. when the command line forces SHADOW. */
  public WorkerSettings withMode(Mode newMode) {
    return new WorkerSettings(
        newMode, salesforce, store, rules, pipeline, admin, logging, enrich, sla, ha, calls);
  }

  /**
   * The same settings with another org connection, e.g. from an {@code --org-credentials} file;
   * everything else (SLA, enrichment, high availability) stays as configured.
   */
  public WorkerSettings withSalesforce(SalesforceSettings newSalesforce) {
    return new WorkerSettings(
        mode, newSalesforce, store, rules, pipeline, admin, logging, enrich, sla, ha, calls);
  }
}

package dev.leadrouter.sla;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.write.OwnerWriter;
import dev.leadrouter.write.WriteListener;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds SLA tracking: clocks start and follow-up Tasks are created as owners are written, first
 * touches stop them, and the escalation ladder runs on a schedule. Needs {@link WorkerSettings},
 * the store, the Salesforce client, the {@code WriteModule}, a {@code MeterRegistry} and a {@code
 * Clock} bound elsewhere. Breach notices go to the log unless another module sets a {@link
 * BreachNotifier}.
 */
public final class SlaModule extends AbstractModule {

  private final RuleSetSource rules;

  /**
   * @param rules the rules in force, for reps' time zones and working hours and their teams
   */
  public SlaModule(RuleSetSource rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  protected void configure() {
    bind(RuleSetSource.class).toInstance(rules);
    bind(RepDirectory.class)
        .toInstance(
            userId ->
                SalesforceId.parse(userId)
                    .flatMap(id -> Optional.ofNullable(rules.current().reps().get(id))));
    bind(SlaPolicy.class).in(Singleton.class);
    bind(SlaAssignments.class).in(Singleton.class);
    bind(FirstTouches.class).in(Singleton.class);
    bind(MisrouteFeedback.class).in(Singleton.class);
    bind(SlaEscalations.class).in(Singleton.class);
    bind(SlaScheduler.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), WriteListener.class)
        .setBinding()
        .to(SlaAssignments.class);
  }

  @Provides
  @Singleton
  SlaSettings slaSettings(WorkerSettings settings) {
    return settings.sla();
  }

  /**
   * Breach notices on the configured channels (webhook, e-mail), each with retries and a circuit
   * breaker; only to the log when none is configured.
   */
  @Provides
  @Singleton
  BreachNotifier breachNotifier(
      SlaSettings settings,
      dev.leadrouter.salesforce.RestClient rest,
      dev.leadrouter.config.SalesforceSettings org,
      java.time.Clock clock) {
    dev.leadrouter.config.NotifySettings notices = settings.notices();
    java.util.List<dev.leadrouter.notify.NotificationChannel> channels =
        new java.util.ArrayList<>();
    java.time.Duration openFor = java.time.Duration.ofMinutes(1);
    notices
        .webhookUrl()
        .ifPresent(
            url ->
                channels.add(
                    new dev.leadrouter.notify.ResilientChannel(
                        new dev.leadrouter.notify.WebhookChannel(
                            url, java.time.Duration.ofSeconds(5)),
                        notices.attempts(),
                        notices.retryWait(),
                        openFor)));
    notices
        .smtp()
        .ifPresent(
            smtp ->
                channels.add(
                    new dev.leadrouter.notify.ResilientChannel(
                        new dev.leadrouter.notify.SmtpChannel(smtp),
                        notices.attempts(),
                        notices.retryWait(),
                        openFor)));
    if (channels.isEmpty()) {
      return new LoggingBreachNotifier();
    }
    String prefix =
        org.instanceUrl().map(u -> u.toString().replaceAll("/+$", "")).orElse("")
            + "/lightning/r/Lead/";
    return new ChannelBreachNotifier(
        new dev.leadrouter.notify.Notifier(channels),
        new dev.leadrouter.notify.MessageTemplates(notices.templatesDir()),
        rest,
        prefix,
        clock);
  }

  /** Reassignments' owner updates join the others in the writer's batches. */
  @Provides
  OwnerUpdateSink ownerUpdateSink(OwnerWriter writer) {
    return writer::submit;
  }
}

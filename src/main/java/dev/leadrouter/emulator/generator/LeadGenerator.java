package dev.leadrouter.emulator.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates leads in an org the way a web form handler does: one REST {@code POST sobjects/Lead} per
 * form, signed in with a connected app's client credentials, at a steady rate with a webinar burst
 * halfway through. It learns about the org only over the API (SOQL for the accounts whose domains
 * and the leads and contacts whose people it reuses), so it works against the emulator and a real
 * org alike. Which leads it makes depends only on the seed and the org's data; the order in which
 * concurrent posts land may vary.
 */
public final class LeadGenerator {

  /**
   * What to generate.
   *
   * @param leads how many leads
   * @param ratePerSecond how many forms arrive per second outside the burst
   * @param webinarShare the part of the leads that arrive at once, as after a webinar (0..1)
   * @param seed decides every lead
   * @param concurrency how many posts may be in flight (a web tier's worker threads)
   */
  public record Settings(
      int leads, double ratePerSecond, double webinarShare, long seed, int concurrency) {

    public Settings {
      if (leads < 0) {
        throw new IllegalArgumentException("--leads must be 0 or more, was " + leads);
      }
      if (!(ratePerSecond > 0)) {
        throw new IllegalArgumentException("--rate must be more than 0, was " + ratePerSecond);
      }
      if (!(webinarShare >= 0 && webinarShare <= 1)) {
        throw new IllegalArgumentException(
            "--webinar-share must be between 0 and 1, was " + webinarShare);
      }
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1");
      }
    }

    public static Settings of(int leads, double ratePerSecond, long seed) {
      return new Settings(leads, ratePerSecond, 0.2, seed, 8);
    }
  }

  /** Told of each lead as soon as the org created it or the generator gave up on it. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param finishedSoFar how many leads of the run are finished, this one included
     */
    void finished(GeneratedLead lead, int finishedSoFar);
  }

  private final OrgHttp org;
  private final Clock clock;

  public LeadGenerator(OrgConnection connection, Clock clock) {
    this.org = new OrgHttp(connection);
    this.clock = clock;
  }

  /** REST calls this generator sent so far, retries included, as the org counts them. */
  public long restCalls() {
    return org.restCalls();
  }

  /** Plans the run from the org's data, without creating anything. */
  public List<PlannedLead> plan(Settings settings) {
    List<LeadMix.Account> accounts = new ArrayList<>();
    for (JsonNode account :
        org.query("SELECT Id, Name, Website, BillingCountryCode, BillingCountry FROM Account")) {
      String website = account.path("Website").asText("");
      if (!website.isBlank()) {
        accounts.add(
            new LeadMix.Account(
                account.path("Name").asText(),
                website.replaceFirst("^https?://", "").replaceFirst("^www\\.", ""),
                account.path("BillingCountryCode").asText(null),
                account.path("BillingCountry").asText(null)));
      }
    }
    List<LeadMix.Person> people = new ArrayList<>();
    for (JsonNode lead : org.query("SELECT Id, FirstName, LastName, Email, Company FROM Lead")) {
      person(lead, lead.path("Company").asText(null)).ifPresent(people::add);
    }
    for (JsonNode contact : org.query("SELECT Id, FirstName, LastName, Email FROM Contact")) {
      person(contact, null).ifPresent(people::add);
    }
    // Query order is the org's; the plan must not depend on it.
    accounts.sort(Comparator.comparing(LeadMix.Account::domain));
    people.sort(Comparator.comparing(LeadMix.Person::email));
    return new LeadMix(settings.seed(), accounts, people)
        .plan(settings.leads(), settings.webinarShare());
  }

  private static Optional<LeadMix.Person> person(JsonNode record, String company) {
    String email = record.path("Email").asText("");
    return email.isBlank()
        ? Optional.empty()
        : Optional.of(
            new LeadMix.Person(
                record.path("FirstName").asText(null),
                record.path("LastName").asText(""),
                email,
                company));
  }

  /**
   * Submits the planned leads at the configured rate, the webinar leads all at once, and waits
   * until every one was created or gave up.
   *
   * @param listener told of each lead when it is finished (from the posting threads)
   * @return every lead with its id and timestamps, in plan order
   */
  public List<GeneratedLead> run(List<PlannedLead> plan, Settings settings, Listener listener)
      throws InterruptedException {
    ExecutorService posts = Executors.newFixedThreadPool(settings.concurrency());
    AtomicInteger finished = new AtomicInteger();
    List<Future<GeneratedLead>> results = new ArrayList<>();
    long start = System.nanoTime();
    long intervalNanos = (long) (1_000_000_000L / settings.ratePerSecond());
    try {
      int paced = 0;
      for (PlannedLead lead : plan) {
        // The burst arrives at once: its leads take no pacing slot.
        long due = start + paced * intervalNanos;
        if (!lead.webinar()) {
          paced++;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        results.add(
            posts.submit(
                () -> {
                  GeneratedLead done = submit(lead);
                  listener.finished(done, finished.incrementAndGet());
                  return done;
                }));
      }
      List<GeneratedLead> done = new ArrayList<>();
      for (Future<GeneratedLead> result : results) {
        try {
          done.add(result.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a lead submission crashed", e.getCause());
        }
      }
      return done;
    } finally {
      posts.shutdownNow();
    }
  }

  private GeneratedLead submit(PlannedLead lead) {
    Instant submitted = clock.instant();
    try {
      String id = org.createLead(lead.fields());
      return new GeneratedLead(
          lead, Optional.of(id), submitted, Optional.of(clock.instant()), Optional.empty());
    } catch (OrgHttp.Permanent | OrgHttp.Transient e) {
      return new GeneratedLead(
          lead, Optional.empty(), submitted, Optional.empty(), Optional.of(e.getMessage()));
    }
  }
}

package dev.leadrouter.worker;

import com.google.inject.Inject;
import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ReconciliationRequest;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.AccountChanges;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.AccountIndexLoader;
import dev.leadrouter.match.DuplicateChanges;
import dev.leadrouter.match.DuplicateIndex;
import dev.leadrouter.match.DuplicateIndexLoader;
import dev.leadrouter.match.Person;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.OwnerType;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of matching: fills the account and duplicate indexes before the stream starts,
 * and keeps them fresh from Account, Contact and Lead change events, re-reading by query what an
 * event cannot tell (a gap, an update to a record never seen, an expired replay id). Called on the
 * routing thread only, so the indexes change between decisions, never during one.
 */
public final class MatchIndexes {

  /** The channel account changes arrive on; it has its own checkpoint. */
  public static final String ACCOUNT_CHANNEL = "/data/AccountChangeEvent";

  /** The channel contact changes arrive on, for duplicates of contacts. */
  public static final String CONTACT_CHANNEL = "/data/ContactChangeEvent";

  private static final Logger log = LoggerFactory.getLogger(MatchIndexes.class);

  private final AccountIndexLoader accountLoader;
  private final DuplicateIndexLoader duplicateLoader;
  private final AccountChanges accountChanges;
  private final DuplicateChanges duplicateChanges;
  private final AccountIndex accounts;
  private final DuplicateIndex duplicates;

  @Inject
  public MatchIndexes(
      AccountIndexLoader accountLoader,
      DuplicateIndexLoader duplicateLoader,
      AccountChanges accountChanges,
      DuplicateChanges duplicateChanges,
      AccountIndex accounts,
      DuplicateIndex duplicates) {
    this.accountLoader = accountLoader;
    this.duplicateLoader = duplicateLoader;
    this.accountChanges = accountChanges;
    this.duplicateChanges = duplicateChanges;
    this.accounts = accounts;
    this.duplicates = duplicates;
  }

  /** Reads every account, open lead and contact; logs counts and the time it took. */
  public void loadAll() {
    long started = System.nanoTime();
    int loaded =
        accountLoader.loadAll(
            count -> {
              if (count % 50_000 == 0 && count > 0) {
                log.info("account index: {} accounts so far", count);
              }
            });
    long accountsMillis = (System.nanoTime() - started) / 1_000_000;
    log.info("account index: {} accounts loaded in {} ms", loaded, accountsMillis);
    started = System.nanoTime();
    int people = duplicateLoader.loadAll();
    log.info(
        "duplicate index: {} open leads and contacts loaded in {} ms",
        people,
        (System.nanoTime() - started) / 1_000_000);
  }

  public int accountCount() {
    return accounts.size();
  }

  public int duplicateCount() {
    return duplicates.size();
  }

  /** Applies an Account, Contact or Lead change event; re-reads what it cannot apply. */
  public void apply(ChangeEvent event) {
    switch (event.header().entityName()) {
      case "Account" -> {
        AccountChanges.Outcome outcome = accountChanges.apply(event);
        if (outcome.reloadAll()) {
          log.info(
              "account changes could not be told apart ({}); reading all accounts again",
              event.header().changeType());
          accountLoader.loadAll(count -> {});
        } else if (!outcome.toReconcile().isEmpty()) {
          accountLoader.reload(outcome.toReconcile());
        }
      }
      case "Lead", "Contact" -> {
        DuplicateChanges.Outcome outcome = duplicateChanges.apply(event);
        if (outcome.kind() != null && !outcome.toReconcile().isEmpty()) {
          duplicateLoader.reload(outcome.kind(), outcome.toReconcile());
        }
      }
      default -> {
        // Other objects do not feed the indexes.
      }
    }
  }

  /**
   * Our own owner writes come back as events the worker skips, so the duplicate index learns the
   * owner it gave a lead here: the next duplicate of that lead then follows it.
   */
  public void routed(String leadId, Owner owner) {
    if (owner.type() != OwnerType.USER) {
      return;
    }
    Optional<SalesforceId> id = SalesforceId.parse(leadId);
    if (id.isEmpty()) {
      return;
    }
    duplicates
        .get(id.get())
        .ifPresent(
            p ->
                duplicates.upsert(
                    new Person(
                        p.id(),
                        p.kind(),
                        p.email(),
                        p.firstName(),
                        p.lastName(),
                        p.company(),
                        owner.id(),
                        true,
                        p.open())));
  }

  /**
   * Reconciles the indexes after a gap on an Account or Contact channel; returns false for other
   * channels, whose requests the caller handles.
   */
  public boolean reconcile(ReconciliationRequest request) {
    boolean accountChannel = ACCOUNT_CHANNEL.equals(request.channel());
    boolean contactChannel = CONTACT_CHANNEL.equals(request.channel());
    if (!accountChannel && !contactChannel) {
      return false;
    }
    if (request.trigger().isPresent()) {
      apply(request.trigger().get());
    } else if (accountChannel) {
      log.info("account changes may have been missed; reading all accounts again");
      accountLoader.loadAll(count -> {});
    } else {
      log.info("contact changes may have been missed; reading open leads and contacts again");
      duplicateLoader.loadAll();
    }
    return true;
  }

  /** The channels the indexes follow besides the lead channel. */
  static List<String> channels() {
    return List.of(ACCOUNT_CHANNEL, CONTACT_CHANNEL);
  }
}

package dev.leadrouter.engine;

import static dev.leadrouter.engine.ExampleEngine.EXAMPLE;
import static dev.leadrouter.engine.ExampleEngine.lead;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.Account;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.match.DuplicateIndex;
import dev.leadrouter.match.MatchModule;
import dev.leadrouter.match.Person;
import dev.leadrouter.route.AccountMatch;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.ReasonCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine asks the matcher and duplicate finder Guice gives it, and only when it must. */
class MatchingEngineTest {

  private static final Instant WEDNESDAY = Instant.parse("2026-11-04T15:00:00Z");
  private static final SalesforceId ALICE = new SalesforceId("0055f00000LR001AAD");
  private static final SalesforceId DEV = new SalesforceId("0055f00000LR004AAD");
  private static final SalesforceId UMBRELLA = new SalesforceId("0015f00000LR001AAD");

  private static Injector injector(Module... more) {
    Module clock =
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(Clock.class).toInstance(Clock.fixed(WEDNESDAY, ZoneOffset.UTC));
          }
        };
    List<Module> modules = new java.util.ArrayList<>(List.of(clock, new EngineModule()));
    modules.addAll(List.of(more));
    return Guice.createInjector(modules);
  }

  private static Decision decide(Injector injector, LeadInput input) {
    return injector
        .getInstance(DecisionEngine.class)
        .decide(EXAMPLE, input, new InMemoryRoutingState());
  }

  private static void umbrellaOwnedBy(Injector injector, SalesforceId owner) {
    injector
        .getInstance(AccountIndex.class)
        .upsert(
            new Account(
                UMBRELLA,
                "Umbrella Corporation",
                "umbrella.com",
                List.of(),
                List.of(),
                "US",
                null,
                owner,
                true,
                null,
                "Customer - Direct",
                5_000,
                "Pharma"));
  }

  @Test
  void withMatchingInstalledALeadFromAnAccountsDomainGoesToItsOwner() {
    Injector injector = injector(new MatchModule());
    umbrellaOwnedBy(injector, ALICE);

    Decision decision =
        decide(
            injector,
            LeadInput.of(
                lead("Email", "jill@umbrella.com", "Company", "Umbrella Corp", "Country", "US")));

    assertThat(decision.rule()).isEqualTo("Existing_Account_Owner");
    assertThat(decision.owner().id()).isEqualTo(ALICE);
    assertThat(decision.reasons()).contains(ReasonCode.ACCOUNT_OWNER);
    assertThat(decision.account().accountId()).isEqualTo(UMBRELLA);
    assertThat(decision.account().method()).isEqualTo("email domain and name");
  }

  @Test
  void withMatchingInstalledADuplicateGoesToTheExistingOwner() {
    Injector injector = injector(new MatchModule());
    injector
        .getInstance(DuplicateIndex.class)
        .upsert(
            new Person(
                new SalesforceId("0035f00000LR001AAD"),
                Person.Kind.CONTACT,
                "jill@umbrella.com",
                "Jill",
                "Valentine",
                "Umbrella",
                DEV,
                true,
                true));

    Decision decision =
        decide(injector, LeadInput.of(lead("Email", "Jill@Umbrella.com", "Country", "US")));

    assertThat(decision.rule()).isEqualTo("Existing_Lead_Owner");
    assertThat(decision.owner().id()).isEqualTo(DEV);
    assertThat(decision.reasons()).containsExactly(ReasonCode.DUPLICATE);
  }

  @Test
  void anAccountTheLeadArrivesWithIsKeptAndTheMatcherNotAsked() {
    Injector injector = injector(new MatchModule());
    umbrellaOwnedBy(injector, ALICE);
    AccountMatch given =
        new AccountMatch(UMBRELLA, "Umbrella", DEV, true, "Customer", 0.9, "given");

    Decision decision =
        decide(
            injector,
            new LeadInput(lead("Email", "jill@umbrella.com", "Country", "US"), given, null));

    assertThat(decision.owner().id()).isEqualTo(DEV);
    assertThat(decision.account()).isEqualTo(given);
  }

  @Test
  void withoutMatchingTheEngineDecidesAsBefore() {
    Injector injector = injector();

    Decision decision =
        decide(
            injector,
            LeadInput.of(
                lead("Email", "jill@umbrella.com", "Company", "Umbrella Corp", "Country", "US")));

    assertThat(decision.rule()).isNotEqualTo("Existing_Account_Owner");
    assertThat(decision.account()).isNull();
    assertThat(decision.path()).anyMatch(trace -> trace.reason() == ReasonCode.ACCOUNT_NOT_MATCHED);
  }
}

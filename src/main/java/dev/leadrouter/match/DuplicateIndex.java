package dev.leadrouter.match;

import com.google.inject.Inject;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.normalize.CompanyNameNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open Leads and Contacts by normalized email, and by first name, last name and company key, for
 * duplicate detection. One writer, many readers: the maps are concurrent and each key's list is
 * replaced, never changed in place, so a reader sees a whole list or the one before.
 */
public final class DuplicateIndex {

  private final CompanyNameNormalizer companies;
  private final Map<SalesforceId, Person> byId = new ConcurrentHashMap<>();
  private final Map<String, List<Person>> byEmail = new ConcurrentHashMap<>();
  private final Map<String, List<Person>> byNameAndCompany = new ConcurrentHashMap<>();

  @Inject
  public DuplicateIndex(CompanyNameNormalizer companies) {
    this.companies = companies;
  }

  /** Adds or replaces a record; a closed one (a converted lead) is removed instead. */
  public synchronized void upsert(Person person) {
    remove(person.id());
    if (!person.open()) {
      return;
    }
    byId.put(person.id(), person);
    String email = emailKey(person.email());
    if (email != null) {
      add(byEmail, email, person);
    }
    String name = nameKey(person.firstName(), person.lastName(), person.company());
    if (name != null) {
      add(byNameAndCompany, name, person);
    }
  }

  /** Removes a record; returns whether it was held. */
  public synchronized boolean remove(SalesforceId id) {
    Person old = byId.remove(id);
    if (old == null) {
      return false;
    }
    String email = emailKey(old.email());
    if (email != null) {
      drop(byEmail, email, id);
    }
    String name = nameKey(old.firstName(), old.lastName(), old.company());
    if (name != null) {
      drop(byNameAndCompany, name, id);
    }
    return true;
  }

  public Optional<Person> get(SalesforceId id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return byId.size();
  }

  public List<Person> withEmail(String email) {
    String key = emailKey(email);
    return key == null ? List.of() : byEmail.getOrDefault(key, List.of());
  }

  public List<Person> withNameAndCompany(String firstName, String lastName, String company) {
    String key = nameKey(firstName, lastName, company);
    return key == null ? List.of() : byNameAndCompany.getOrDefault(key, List.of());
  }

  /** Email addresses compare without case and surrounding blanks; null when there is none. */
  static String emailKey(String email) {
    if (email == null || email.isBlank() || email.indexOf('@') <= 0) {
      return null;
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private String nameKey(String firstName, String lastName, String company) {
    String companyKey = companies.matchKey(company);
    if (lastName == null || lastName.isBlank() || companyKey == null) {
      return null;
    }
    String first = firstName == null ? "" : firstName.strip().toLowerCase(Locale.ROOT);
    return first + "|" + lastName.strip().toLowerCase(Locale.ROOT) + "|" + companyKey;
  }

  private static void add(Map<String, List<Person>> map, String key, Person person) {
    map.compute(
        key,
        (k, list) -> {
          List<Person> copy = list == null ? new ArrayList<>(1) : new ArrayList<>(list);
          copy.add(person);
          return List.copyOf(copy);
        });
  }

  private static void drop(Map<String, List<Person>> map, String key, SalesforceId id) {
    map.computeIfPresent(
        key,
        (k, list) -> {
          List<Person> rest = list.stream().filter(p -> !p.id().equals(id)).toList();
          return rest.isEmpty() ? null : rest;
        });
  }
}

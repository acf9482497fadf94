package dev.leadrouter.match;

import dev.leadrouter.lead.SalesforceId;
import java.util.Objects;

/**
 * An existing Lead or Contact a new lead may duplicate, as the duplicate index takes it in.
 *
 * @param company the Lead's Company, or the Contact's account name
 * @param open an unconverted Lead, or any Contact; converted leads are not kept
 */
public record Person(
    SalesforceId id,
    Kind kind,
    String email,
    String firstName,
    String lastName,
    String company,
    SalesforceId ownerId,
    boolean ownerActive,
    boolean open) {

  /** Which object the record is. */
  public enum Kind {
    LEAD,
    CONTACT
  }

  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
  }
}

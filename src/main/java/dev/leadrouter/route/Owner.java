package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.Objects;

/** Who a lead goes to: a user or a queue, with its name for people to read. */
public record Owner(SalesforceId id, OwnerType type, String name) {

  public Owner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    name = name == null ? id.value() : name;
  }

  public static Owner user(SalesforceId id, String name) {
    return new Owner(id, OwnerType.USER, name);
  }

  public static Owner queue(SalesforceId id, String name) {
    return new Owner(id, OwnerType.QUEUE, name);
  }

  @Override
  public String toString() {
    return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + " " + id + ")";
  }
}

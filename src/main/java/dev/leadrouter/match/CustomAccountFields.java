package dev.leadrouter.match;

import java.util.Arrays;
import java.util.List;

/**
 * Custom Account fields some orgs keep for matching: further domains the company mails from, and
 * acronyms or short forms of its name. Values are lists separated by commas, semicolons or spaces.
 *
 * @param domainsField API name of the extra-domains field ({@code Domains__c}), or null for none
 * @param aliasesField API name of the aliases field ({@code Aliases__c}), or null for none
 */
public record CustomAccountFields(String domainsField, String aliasesField) {

  public static CustomAccountFields none() {
    return new CustomAccountFields(null, null);
  }

  /** The entries of a list-valued field. */
  static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    // Aliases are names and may hold spaces ("Big Blue"); only domains are split on spaces too.
    return Arrays.stream(value.split("[,;\\n]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}

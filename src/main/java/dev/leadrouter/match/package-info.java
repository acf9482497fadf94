/**
 * Lead-to-account matching and duplicate detection.
 *
 * <p>{@link dev.leadrouter.match.AccountIndex} holds every account of the org in memory, in a
 * column layout sized for a million accounts, and is kept fresh from {@code AccountChangeEvent}s by
 * {@link dev.leadrouter.match.AccountChanges}. {@link dev.leadrouter.match.AccountMatcher} finds
 * the account a lead belongs to (domain, exact name, alias, fuzzy name), each method reporting
 * itself; {@link dev.leadrouter.match.DuplicateFinder} finds the open lead or contact a lead
 * duplicates. Precision comes before recall throughout: a wrong match sends a lead to the wrong
 * rep, which is worse than no match.
 */
package dev.leadrouter.match;

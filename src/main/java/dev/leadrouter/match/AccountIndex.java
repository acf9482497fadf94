package dev.leadrouter.match;

import com.google.inject.Inject;
import dev.leadrouter.lead.SalesforceId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.ToDoubleFunction;

/**
 * Every account of the org, in memory, for matching leads.
 *
 * <p>Accounts are held in columns (one array per attribute, an account is a slot) rather than one
 * object each: ids as 15 bytes, repeating values (country, state, type, industry, owner) as
 * dictionary codes, and the exact-lookup tables ({@link SlotTable}) holding slots only. That keeps
 * a million accounts in a few hundred megabytes of heap; an object per account with hash maps
 * around it needs about twice that.
 *
 * <p>Lookups: by registrable domain (the website's and any extra domains), by exact name key, by
 * listed alias, and fuzzy candidates through a token index (each word of the name key, and the
 * first and last four letters of each longer word, for misspelt words).
 *
 * <p>One writer, many readers: writes take the write lock, lookups the read lock. Normalizing an
 * account (the costly part of a write) happens before the lock is taken.
 */
public final class AccountIndex {

  /** Words that say nothing about which company it is; they are not used to find candidates. */
  private static final int MIN_TOKEN_LENGTH = 2;

  private static final int ID_LENGTH = 15;
  private static final int PREFIX_LENGTH = 4;
  private static final int MAX_HIERARCHY_DEPTH = 20;
  private static final int MAX_LENGTH_DIFFERENCE = 2;
  private static final int GATHERED_PER_CANDIDATE = 4;
  private static final int SCANNED_PER_CANDIDATE = 8;

  private final AccountKeys keys;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private int capacity;
  private int slots;
  private int live;
  private byte[] ids;
  private String[] names;
  private String[] nameKeys;

  /** Name key lengths (capped at 127), read while gathering candidates without touching keys. */
  private byte[] keyLengths;

  private String[] domains;
  private short[] countries; // ISO codes: a few hundred at most
  private int[] states; // free text in many orgs, so possibly many thousands
  private int[] types;
  private int[] industries;
  private int[] owners;
  private int[] employees;
  private String[] parentIds;
  private String[][] extraDomains;
  private String[][] aliasKeys;
  private final BitSet alive = new BitSet();

  private final Dictionary countryCodes = new Dictionary();
  private final Dictionary stateCodes = new Dictionary();
  private final Dictionary typeCodes = new Dictionary();
  private final Dictionary industryCodes = new Dictionary();
  private final Dictionary ownerCodes = new Dictionary();
  private final List<SalesforceId> ownerIds = new ArrayList<>();
  private final BitSet inactiveOwners = new BitSet();

  private final SlotTable byId;
  private final SlotTable byDomain;
  private final SlotTable byNameKey;

  /** Extra domains ("d:") and aliases ("a:"): few accounts list them, a map is fine. */
  private final Map<String, IntList> byExtraKey = new HashMap<>();

  /** Fuzzy-name candidates: name-key words and key prefixes ("#acme") to slots. */
  private final Map<String, IntList> postings = new HashMap<>();

  @Inject
  public AccountIndex(AccountKeys keys) {
    this(keys, 1024);
  }

  /** An index sized for about {@code expected} accounts (it grows beyond). */
  public AccountIndex(AccountKeys keys, int expected) {
    this.keys = keys;
    ownerIds.add(null); // code 0: no owner
    allocate(Math.max(16, expected));
    byId = new SlotTable(expected, this::idHash);
    byDomain = new SlotTable(expected, slot -> domains[slot].hashCode());
    byNameKey = new SlotTable(expected, slot -> nameKeys[slot].hashCode());
  }

  // ---- writes ---------------------------------------------------------------------------------

  /** Adds an account, or replaces what the index holds for its id (also after a delete). */
  public void upsert(Account account) {
    Prepared prepared = prepare(account);
    lock.writeLock().lock();
    try {
      String id15 = account.id().value().substring(0, ID_LENGTH);
      int slot = slotOf(id15);
      if (slot < 0) {
        slot = newSlot(id15);
      } else if (alive.get(slot)) {
        unindex(slot);
      }
      store(slot, account, prepared);
      index(slot);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes an account; returns whether the index held it. */
  public boolean delete(SalesforceId id) {
    lock.writeLock().lock();
    try {
      int slot = slotOf(id.value().substring(0, ID_LENGTH));
      if (slot < 0 || !alive.get(slot)) {
        return false;
      }
      unindex(slot);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Records that a user was activated or deactivated; every account they own follows. */
  public void setOwnerActive(SalesforceId ownerId, boolean active) {
    lock.writeLock().lock();
    try {
      int code = ownerCode(ownerId);
      inactiveOwners.set(code, !active);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Whether the index knows this user and as active; empty for a user it has not seen. */
  public Optional<Boolean> ownerActive(SalesforceId ownerId) {
    lock.readLock().lock();
    try {
      int code = ownerCodes.find(ownerId.value());
      return code <= 0 ? Optional.empty() : Optional.of(!inactiveOwners.get(code));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Gives back spare capacity after a full load. */
  public void trimToSize() {
    lock.writeLock().lock();
    try {
      postings.values().forEach(IntList::trim);
      byExtraKey.values().forEach(IntList::trim);
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- reads ----------------------------------------------------------------------------------

  /** Live accounts held. */
  public int size() {
    lock.readLock().lock();
    try {
      return live;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The account with this id, as the index holds it. */
  public Optional<IndexedAccount> get(SalesforceId id) {
    lock.readLock().lock();
    try {
      int slot = slotOf(id.value().substring(0, ID_LENGTH));
      return slot >= 0 && alive.get(slot) ? Optional.of(view(slot)) : Optional.empty();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Accounts whose website or extra domains have this registrable domain. */
  public List<IndexedAccount> withDomain(String domain) {
    if (domain == null) {
      return List.of();
    }
    lock.readLock().lock();
    try {
      List<IndexedAccount> found = new ArrayList<>(2);
      byDomain.forEach(
          domain.hashCode(),
          slot -> {
            if (domain.equals(domains[slot])) {
              found.add(view(slot));
            }
            return true;
          });
      addExtra("d:" + domain, found);
      return found;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Accounts whose name key is exactly this one. */
  public List<IndexedAccount> withNameKey(String nameKey) {
    if (nameKey == null) {
      return List.of();
    }
    lock.readLock().lock();
    try {
      List<IndexedAccount> found = new ArrayList<>(2);
      byNameKey.forEach(
          nameKey.hashCode(),
          slot -> {
            if (nameKey.equals(nameKeys[slot])) {
              found.add(view(slot));
            }
            return true;
          });
      return found;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Accounts that list this key (an acronym or short form, as a name key) as an alias. */
  public List<IndexedAccount> withAlias(String aliasKey) {
    if (aliasKey == null) {
      return List.of();
    }
    lock.readLock().lock();
    try {
      List<IndexedAccount> found = new ArrayList<>(1);
      addExtra("a:" + aliasKey, found);
      return found;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Accounts whose name key scores at least {@code minScore} against a lead's, best first.
   * Candidates come from the rarest of the key's words (words on more than {@code maxPosting}
   * accounts are too common to help) and from its first letters; at most {@code maxCandidates} are
   * scored.
   */
  public List<Scored> similarNames(
      String nameKey,
      ToDoubleFunction<String> score,
      double minScore,
      int maxPosting,
      int maxCandidates) {
    if (nameKey == null) {
      return List.of();
    }
    List<String> blocks = blocksOf(nameKey);
    lock.readLock().lock();
    try {
      List<IntList> lists = new ArrayList<>(blocks.size());
      for (String block : blocks) {
        IntList list = postings.get(block);
        if (list != null && list.size() <= maxPosting) {
          lists.add(list);
        }
      }
      lists.sort((a, b) -> Integer.compare(a.size(), b.size()));
      List<Scored> scored = new ArrayList<>(4);
      for (int slot : candidates(lists, nameKey.length(), maxCandidates)) {
        double s = score.applyAsDouble(nameKeys[slot]);
        if (s >= minScore) {
          scored.add(new Scored(view(slot), s));
        }
      }
      scored.sort((a, b) -> Double.compare(b.score(), a.score()));
      return scored;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * At most {@code max} slots from the posting lists (rarest list first). When there are more,
   * slots filed under several of the lead's blocks come first: a misspelt single-word name keeps
   * its first and its last letters, and the account that shares both is the likely one among the
   * hundreds that share either.
   */
  private int[] candidates(List<IntList> lists, int keyLength, int max) {
    int total = 0;
    for (IntList list : lists) {
      total += list.size();
    }
    // Bounded work, rarest lists first: a lookup must not scan thousands of postings.
    int[] all = new int[Math.min(total, GATHERED_PER_CANDIDATE * max)];
    int at = 0;
    int scanned = 0;
    gather:
    for (IntList list : lists) {
      for (int i = 0; i < list.size(); i++) {
        if (at == all.length || ++scanned > SCANNED_PER_CANDIDATE * max) {
          break gather;
        }
        int slot = list.get(i);
        // A typo or two changes a key's length by as much; a longer or shorter key is another
        // name, and leaving it out keeps the candidates that can match within the cap.
        if (Math.abs(keyLengths[slot] - Math.min(keyLength, Byte.MAX_VALUE))
            <= MAX_LENGTH_DIFFERENCE) {
          all[at++] = slot;
        }
      }
    }
    all = Arrays.copyOf(all, at);
    if (at <= max) {
      return distinct(all);
    }
    int[] sorted = all.clone();
    Arrays.sort(sorted);
    int[] chosen = new int[max];
    int count = 0;
    for (int i = 0; i + 1 < sorted.length && count < max; i++) {
      if (sorted[i] == sorted[i + 1] && (count == 0 || chosen[count - 1] != sorted[i])) {
        chosen[count++] = sorted[i];
      }
    }
    for (int i = 0; i < all.length && count < max; i++) {
      if (!contains(chosen, count, all[i])) {
        chosen[count++] = all[i];
      }
    }
    return Arrays.copyOf(chosen, count);
  }

  private static int[] distinct(int[] slots) {
    int[] unique = new int[slots.length];
    int count = 0;
    for (int slot : slots) {
      if (!contains(unique, count, slot)) {
        unique[count++] = slot;
      }
    }
    return Arrays.copyOf(unique, count);
  }

  /**
   * The account at the top of this one's hierarchy, or empty when it has no parent in the index.
   */
  public Optional<IndexedAccount> ultimateParent(IndexedAccount account) {
    return account.ultimateParentId() == null ? Optional.empty() : get(account.ultimateParentId());
  }

  /** An account with the score its name reached. */
  public record Scored(IndexedAccount account, double score) {}

  // ---- internals ------------------------------------------------------------------------------

  /** What an account's values normalize to; worked out before the write lock is taken. */
  private record Prepared(
      String nameKey,
      String domain,
      String country,
      String state,
      String[] extraDomains,
      String[] aliasKeys) {}

  private Prepared prepare(Account account) {
    String country = keys.country(account.billingCountry());
    String[] extra =
        account.extraDomains().stream()
            .map(keys::domain)
            .filter(d -> d != null)
            .distinct()
            .toArray(String[]::new);
    String[] aliases =
        account.aliases().stream()
            .map(keys::nameKey)
            .filter(a -> a != null)
            .distinct()
            .toArray(String[]::new);
    return new Prepared(
        keys.nameKey(account.name()),
        keys.domain(account.website()),
        country,
        keys.state(country, account.billingState()),
        extra.length == 0 ? null : extra,
        aliases.length == 0 ? null : aliases);
  }

  private void store(int slot, Account account, Prepared prepared) {
    names[slot] = account.name();
    nameKeys[slot] = prepared.nameKey();
    keyLengths[slot] =
        (byte)
            Math.min(prepared.nameKey() == null ? 0 : prepared.nameKey().length(), Byte.MAX_VALUE);
    domains[slot] = prepared.domain();
    countries[slot] = (short) countryCodes.code(prepared.country());
    states[slot] = stateCodes.code(prepared.state());
    types[slot] = typeCodes.code(account.type());
    industries[slot] = industryCodes.code(account.industry());
    employees[slot] = account.employees() == null ? -1 : account.employees();
    parentIds[slot] = account.parentId() == null ? null : account.parentId().value();
    extraDomains[slot] = prepared.extraDomains();
    aliasKeys[slot] = prepared.aliasKeys();
    if (account.ownerId() == null) {
      owners[slot] = 0;
    } else {
      owners[slot] = ownerCode(account.ownerId());
      inactiveOwners.set(owners[slot], !account.ownerActive());
    }
  }

  private void index(int slot) {
    alive.set(slot);
    live++;
    if (domains[slot] != null) {
      byDomain.add(slot, domains[slot].hashCode());
    }
    if (nameKeys[slot] != null) {
      byNameKey.add(slot, nameKeys[slot].hashCode());
      for (String block : blocksOf(nameKeys[slot])) {
        postings.computeIfAbsent(block, b -> new IntList(2)).add(slot);
      }
    }
    for (String extra : orEmpty(extraDomains[slot])) {
      byExtraKey.computeIfAbsent("d:" + extra, k -> new IntList(1)).add(slot);
    }
    for (String alias : orEmpty(aliasKeys[slot])) {
      byExtraKey.computeIfAbsent("a:" + alias, k -> new IntList(1)).add(slot);
    }
  }

  /** Takes a slot out of every lookup; its id stays known, so an undelete finds the slot again. */
  private void unindex(int slot) {
    alive.clear(slot);
    live--;
    if (domains[slot] != null) {
      byDomain.remove(slot, domains[slot].hashCode());
    }
    if (nameKeys[slot] != null) {
      byNameKey.remove(slot, nameKeys[slot].hashCode());
      for (String block : blocksOf(nameKeys[slot])) {
        removeFrom(postings, block, slot);
      }
    }
    for (String extra : orEmpty(extraDomains[slot])) {
      removeFrom(byExtraKey, "d:" + extra, slot);
    }
    for (String alias : orEmpty(aliasKeys[slot])) {
      removeFrom(byExtraKey, "a:" + alias, slot);
    }
  }

  /** The words of a name key and their first and last letters: fuzzy candidates are filed so. */
  private static List<String> blocksOf(String nameKey) {
    List<String> blocks = new ArrayList<>(6);
    for (String token : AccountKeys.tokens(nameKey)) {
      if (token.length() >= MIN_TOKEN_LENGTH && !blocks.contains(token)) {
        blocks.add(token);
      }
      // One typo leaves a word's first or its last letters intact (in words of eight or more
      // letters, both of one of them), so a misspelt word still finds its account.
      if (token.length() > PREFIX_LENGTH) {
        addOnce(blocks, "#" + token.substring(0, PREFIX_LENGTH));
        addOnce(blocks, "$" + token.substring(token.length() - PREFIX_LENGTH));
      }
    }
    return blocks;
  }

  private static void addOnce(List<String> blocks, String block) {
    if (!blocks.contains(block)) {
      blocks.add(block);
    }
  }

  private IndexedAccount view(int slot) {
    int owner = owners[slot];
    String parent = parentIds[slot];
    return new IndexedAccount(
        new SalesforceId(new String(ids, slot * ID_LENGTH, ID_LENGTH, StandardCharsets.ISO_8859_1)),
        names[slot],
        nameKeys[slot],
        domains[slot],
        countryCodes.value(countries[slot]),
        stateCodes.value(states[slot]),
        owner == 0 ? null : ownerIds.get(owner),
        owner != 0 && !inactiveOwners.get(owner),
        parent == null ? null : new SalesforceId(parent),
        parent == null ? null : ultimateParentOf(slot),
        typeCodes.value(types[slot]),
        employees[slot] < 0 ? null : employees[slot],
        industryCodes.value(industries[slot]),
        extraDomains[slot] == null ? List.of() : List.of(extraDomains[slot]),
        aliasKeys[slot] == null ? List.of() : List.of(aliasKeys[slot]));
  }

  /** Walks up ParentId; a parent not (yet) in the index ends the walk. Cycles are cut by depth. */
  private SalesforceId ultimateParentOf(int slot) {
    String top = null;
    int current = slot;
    for (int depth = 0; depth < MAX_HIERARCHY_DEPTH && parentIds[current] != null; depth++) {
      top = parentIds[current];
      int parent = slotOf(top.substring(0, ID_LENGTH));
      if (parent < 0 || !alive.get(parent) || parent == slot) {
        break;
      }
      current = parent;
    }
    return top == null ? null : new SalesforceId(top);
  }

  private void addExtra(String key, List<IndexedAccount> found) {
    IntList list = byExtraKey.get(key);
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      int slot = list.get(i);
      if (found.stream().noneMatch(a -> a.id().value().startsWith(id15(slot)))) {
        found.add(view(slot));
      }
    }
  }

  private int ownerCode(SalesforceId ownerId) {
    int before = ownerCodes.size();
    int code = ownerCodes.code(ownerId.value());
    if (code == before) {
      ownerIds.add(ownerId);
    }
    return code;
  }

  private int slotOf(String id15) {
    int[] found = {-1};
    byId.forEach(
        hashOfId(id15),
        slot -> {
          if (sameId(slot, id15)) {
            found[0] = slot;
            return false;
          }
          return true;
        });
    return found[0];
  }

  private int newSlot(String id15) {
    if (slots == capacity) {
      grow(capacity + (capacity >> 1));
    }
    int slot = slots++;
    for (int i = 0; i < ID_LENGTH; i++) {
      ids[slot * ID_LENGTH + i] = (byte) id15.charAt(i);
    }
    byId.add(slot, hashOfId(id15));
    return slot;
  }

  private boolean sameId(int slot, String id15) {
    int base = slot * ID_LENGTH;
    for (int i = 0; i < ID_LENGTH; i++) {
      if (ids[base + i] != (byte) id15.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String id15(int slot) {
    return new String(ids, slot * ID_LENGTH, ID_LENGTH, StandardCharsets.ISO_8859_1);
  }

  private int idHash(int slot) {
    int h = 0;
    int base = slot * ID_LENGTH;
    for (int i = 0; i < ID_LENGTH; i++) {
      h = 31 * h + ids[base + i];
    }
    return h;
  }

  private static int hashOfId(String id15) {
    int h = 0;
    for (int i = 0; i < ID_LENGTH; i++) {
      h = 31 * h + (byte) id15.charAt(i);
    }
    return h;
  }

  private void allocate(int size) {
    capacity = size;
    ids = new byte[size * ID_LENGTH];
    names = new String[size];
    nameKeys = new String[size];
    keyLengths = new byte[size];
    domains = new String[size];
    countries = new short[size];
    states = new int[size];
    types = new int[size];
    industries = new int[size];
    owners = new int[size];
    employees = new int[size];
    parentIds = new String[size];
    extraDomains = new String[size][];
    aliasKeys = new String[size][];
  }

  private void grow(int size) {
    capacity = size;
    ids = Arrays.copyOf(ids, size * ID_LENGTH);
    names = Arrays.copyOf(names, size);
    nameKeys = Arrays.copyOf(nameKeys, size);
    keyLengths = Arrays.copyOf(keyLengths, size);
    domains = Arrays.copyOf(domains, size);
    countries = Arrays.copyOf(countries, size);
    states = Arrays.copyOf(states, size);
    types = Arrays.copyOf(types, size);
    industries = Arrays.copyOf(industries, size);
    owners = Arrays.copyOf(owners, size);
    employees = Arrays.copyOf(employees, size);
    parentIds = Arrays.copyOf(parentIds, size);
    extraDomains = Arrays.copyOf(extraDomains, size);
    aliasKeys = Arrays.copyOf(aliasKeys, size);
  }

  private static void removeFrom(Map<String, IntList> map, String key, int slot) {
    IntList list = map.get(key);
    if (list != null) {
      list.remove(slot);
      if (list.isEmpty()) {
        map.remove(key);
      }
    }
  }

  private static boolean contains(int[] values, int size, int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private static String[] orEmpty(String[] values) {
    return values == null ? new String[0] : values;
  }
}

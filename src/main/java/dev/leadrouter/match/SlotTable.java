package dev.leadrouter.match;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * An open-addressing hash table of account slots, keyed by a value the index keeps in a column (id,
 * domain, name key). The key itself is not stored: a cell holds only {@code slot + 1}, and a lookup
 * compares the column's value for each slot it meets. Four to eight bytes an entry, where a {@code
 * HashMap<String, Integer>} spends about fifty, which is what lets a million accounts fit the heap
 * budget. Several slots may share a key (subsidiaries sharing a domain); each has its own cell. Not
 * thread-safe: the index guards it.
 */
final class SlotTable {

  private static final int EMPTY = 0;
  private static final int REMOVED = -1;

  private final IntUnaryOperator hashOfSlot;
  private int[] cells;
  private int occupied; // live and removed cells: both lengthen probes
  private int live;

  /**
   * @param hashOfSlot the hash of the key the column holds for a slot, to rehash on growth
   */
  SlotTable(int expected, IntUnaryOperator hashOfSlot) {
    this.hashOfSlot = hashOfSlot;
    this.cells = new int[capacityFor(expected)];
  }

  void add(int slot, int hash) {
    if ((occupied + 1) * 2 > cells.length) {
      rehash(capacityFor(Math.max(live + 1, 16) * 2));
    }
    int mask = cells.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      if (cells[i] == EMPTY) {
        cells[i] = slot + 1;
        occupied++;
        live++;
        return;
      }
      if (cells[i] == REMOVED) {
        cells[i] = slot + 1;
        live++;
        return;
      }
    }
  }

  void remove(int slot, int hash) {
    int mask = cells.length - 1;
    for (int i = spread(hash) & mask; cells[i] != EMPTY; i = (i + 1) & mask) {
      if (cells[i] == slot + 1) {
        cells[i] = REMOVED;
        live--;
        return;
      }
    }
  }

  /**
   * Offers each slot filed under {@code hash} (and some that only collide with it) to {@code
   * visitor}, which compares the key and returns false to stop.
   */
  void forEach(int hash, IntPredicate visitor) {
    int[] table = cells;
    int mask = table.length - 1;
    for (int i = spread(hash) & mask; table[i] != EMPTY; i = (i + 1) & mask) {
      if (table[i] != REMOVED && !visitor.test(table[i] - 1)) {
        return;
      }
    }
  }

  int size() {
    return live;
  }

  private void rehash(int capacity) {
    int[] old = cells;
    cells = new int[capacity];
    occupied = 0;
    live = 0;
    int mask = capacity - 1;
    for (int cell : old) {
      if (cell > 0) {
        int i = spread(hashOfSlot.applyAsInt(cell - 1)) & mask;
        while (cells[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        cells[i] = cell;
        occupied++;
        live++;
      }
    }
  }

  private static int capacityFor(int entries) {
    int capacity = Integer.highestOneBit(Math.max(16, entries * 2 - 1)) << 1;
    return Math.max(16, capacity);
  }

  /** String hashes of similar domains differ in low bits only; mix them before masking. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}

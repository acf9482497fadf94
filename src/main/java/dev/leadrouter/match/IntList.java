package dev.leadrouter.match;

import java.util.Arrays;

/**
 * A growable list of ints: posting lists of the token index hold millions of slots, and boxing each
 * in an {@code Integer} would cost four times the memory.
 */
final class IntList {

  private int[] values;
  private int size;

  IntList(int capacity) {
    values = new int[Math.max(1, capacity)];
  }

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size + (size >> 1) + 1);
    }
    values[size++] = value;
  }

  /** Removes the first occurrence, keeping the order of the rest. */
  boolean remove(int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        return true;
      }
    }
    return false;
  }

  boolean contains(int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  int get(int index) {
    return values[index];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Gives back unused capacity once a bulk load is done. */
  void trim() {
    if (values.length > size) {
      values = Arrays.copyOf(values, Math.max(1, size));
    }
  }
}

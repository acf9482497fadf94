package dev.leadrouter.route;

import java.time.LocalDate;
import java.util.Objects;

/** Days from {@code first} to {@code last}, both included, such as a rep's vacation. */
public record DateRange(LocalDate first, LocalDate last) {

  public DateRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "date range ends (" + last + ") before it starts (" + first + ")");
    }
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }
}

package dev.channels4j.cli.batch;

import java.util.ArrayList;
import java.util.List;

/** Writes line numbers compactly: {@code 3, 11-20, 24}. */
final class LineRanges {
  private LineRanges() {}

  static String format(List<Integer> sortedNumbers) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < sortedNumbers.size()) {
      int start = sortedNumbers.get(i);
      int end = start;
      while (i + 1 < sortedNumbers.size() && sortedNumbers.get(i + 1) == end + 1) {
        end = sortedNumbers.get(++i);
      }
      parts.add(start == end ? String.valueOf(start) : start + "-" + end);
      i++;
    }
    return String.join(", ", parts);
  }
}

package dev.channels4j.benchmarks.soak;

import java.util.BitSet;
import java.util.function.Consumer;

/**
 * A set of the soak's event ids ({@code p-<n>} from the publisher, {@code a-<n>} from the async
 * client) as one bit per id, so keeping hundreds of thousands of them costs kilobytes and the
 * heap figures of the report are the client's and the server's, not the bookkeeping's.
 * Thread-safe.
 */
final class IdSet {
  private final BitSet publisher = new BitSet();
  private final BitSet async = new BitSet();
  private int size;

  /** Adds the id; false if it was there already. */
  synchronized boolean add(String id) {
    BitSet bits = bitsOf(id);
    int n = numberOf(id);
    if (bits.get(n)) {
      return false;
    }
    bits.set(n);
    size++;
    return true;
  }

  synchronized boolean contains(String id) {
    return bitsOf(id).get(numberOf(id));
  }

  synchronized int size() {
    return size;
  }

  synchronized void forEach(Consumer<String> action) {
    for (int n = publisher.nextSetBit(0); n >= 0; n = publisher.nextSetBit(n + 1)) {
      action.accept("p-" + n);
    }
    for (int n = async.nextSetBit(0); n >= 0; n = async.nextSetBit(n + 1)) {
      action.accept("a-" + n);
    }
  }

  /** Whether the text is an id the soak publishes. */
  static boolean isId(String id) {
    return id.matches("[pa]-\\d{1,9}");
  }

  private BitSet bitsOf(String id) {
    return id.charAt(0) == 'p' ? publisher : async;
  }

  private static int numberOf(String id) {
    return Integer.parseInt(id, 2, id.length(), 10);
  }
}

package dev.channels4j.internal.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which waiting events go into the next batch. Not thread-safe: {@link BatchingPublisher} calls it
 * under its lock.
 *
 * <p>Accepted events wait in one lane per channel. A batch takes events from ready lanes, oldest
 * lane first, until it is full. When ordered, a lane whose events are in a batch is busy until
 * {@link #finished} is called for that batch: its newer events wait, so no request can overtake an
 * earlier one of the same channel. When not ordered, a lane stays ready and one channel may have
 * several batches in flight; what is left of a lane after a batch goes to the back of the line, so
 * a hot channel takes turns with the others.
 *
 * @param <E> what waits: the publisher's pending event
 */
final class Lanes<E> {
  private final boolean ordered;
  private final Map<String, Lane<E>> lanes = new HashMap<>();
  private final ArrayDeque<Lane<E>> readyLanes = new ArrayDeque<>();
  private int queued;
  private int ready;

  Lanes(boolean ordered) {
    this.ordered = ordered;
  }

  /** Events accepted and not yet in a batch. */
  int queued() {
    return queued;
  }

  /** Queued events that a batch may take now (not waiting behind a busy lane). */
  int ready() {
    return ready;
  }

  void add(String channel, E event) {
    Lane<E> lane = lanes.computeIfAbsent(channel, Lane::new);
    lane.events.addLast(event);
    queued++;
    if (!lane.busy) {
      if (!lane.ready) {
        lane.ready = true;
        readyLanes.addLast(lane);
      }
      ready++;
    }
  }

  /** Takes up to {@code maxEvents} ready events, oldest lane first; {@code null} when none is ready. */
  Batch<E> take(int maxEvents) {
    if (ready == 0) {
      return null;
    }
    Batch<E> batch = new Batch<>(Math.min(maxEvents, ready));
    while (batch.events.size() < maxEvents && !readyLanes.isEmpty()) {
      Lane<E> lane = readyLanes.pollFirst();
      lane.ready = false;
      int before = batch.events.size();
      while (batch.events.size() < maxEvents && !lane.events.isEmpty()) {
        batch.events.add(lane.events.pollFirst());
      }
      ready -= batch.events.size() - before;
      if (ordered) {
        lane.busy = true;
        batch.lanes.add(lane);
        ready -= lane.events.size(); // what the lane still holds waits for this batch
      } else if (lane.events.isEmpty()) {
        lanes.remove(lane.channel);
      } else {
        lane.ready = true;
        readyLanes.addLast(lane);
      }
    }
    queued -= batch.events.size();
    return batch;
  }

  /** The batch's request completed: its lanes' newer events become ready again. */
  void finished(Batch<E> batch) {
    for (Lane<E> lane : batch.lanes) {
      lane.busy = false;
      if (lane.events.isEmpty()) {
        lanes.remove(lane.channel);
      } else {
        lane.ready = true;
        readyLanes.addLast(lane);
        ready += lane.events.size();
      }
    }
  }

  void forEachQueued(Consumer<E> action) {
    for (Lane<E> lane : lanes.values()) {
      lane.events.forEach(action);
    }
  }

  /** Removes and returns every queued event. */
  List<E> removeAll() {
    List<E> all = new ArrayList<>(queued);
    for (Lane<E> lane : lanes.values()) {
      all.addAll(lane.events);
      lane.events.clear();
      lane.ready = false;
    }
    lanes.values().removeIf(lane -> !lane.busy); // a busy lane goes when its batch finishes
    readyLanes.clear();
    queued = 0;
    ready = 0;
    return all;
  }

  /** The events of one request, and (when ordered) the lanes it keeps busy until it completes. */
  static final class Batch<E> {
    private final List<E> events;
    private final List<Lane<E>> lanes = new ArrayList<>();

    private Batch(int size) {
      this.events = new ArrayList<>(size);
    }

    List<E> events() {
      return events;
    }
  }

  private static final class Lane<E> {
    final String channel;
    final ArrayDeque<E> events = new ArrayDeque<>();
    boolean ready;
    boolean busy;

    Lane(String channel) {
      this.channel = channel;
    }
  }
}

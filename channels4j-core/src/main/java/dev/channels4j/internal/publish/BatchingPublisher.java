package dev.channels4j.internal.publish;

import dev.channels4j.BatchResult;
import dev.channels4j.ChannelCounts;
import dev.channels4j.ChannelsException;
import dev.channels4j.Event;
import dev.channels4j.PublishRejectedException;
import dev.channels4j.Publisher;
import dev.channels4j.PublisherOptions;
import dev.channels4j.PublisherStats;
import dev.channels4j.TransportException;
import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.api.ApiRequest;
import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.internal.api.PreparedEvent;
import dev.channels4j.internal.api.Requests;
import dev.channels4j.internal.api.Responses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link Publisher} behind {@code ChannelsClient.publisher()}.
 *
 * <p>Accepted events wait in one lane per channel. A lane is either ready (its events may go into
 * the next batch) or busy (a request carrying some of its events is in flight; its newer events
 * wait, so a channel's events are never reordered by racing requests). A batch takes events from
 * ready lanes, oldest lane first, until it is full. All of this state sits behind one lock, held
 * only to move events between lanes and batches: encoding happens before (on the publishing thread)
 * and building, signing and sending after (on whichever thread drains).
 */
public final class BatchingPublisher implements Publisher {
  private static final ChannelCounts NO_COUNTS = new ChannelCounts(OptionalInt.empty(), OptionalInt.empty());

  private final Requests requests;
  private final Dispatcher dispatcher;
  private final long lingerNanos;
  private final int maxBatch;
  private final int maxInFlight;
  private final int capacity;
  private final int resumeBelow;
  private final boolean failFast;
  private final ScheduledThreadPoolExecutor timer;
  /** Marks the thread that is draining, so a request that fails synchronously does not recurse. */
  private final ThreadLocal<Boolean> draining = new ThreadLocal<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Map<String, Lane> lanes = new HashMap<>();
  private final ArrayDeque<Lane> readyLanes = new ArrayDeque<>();
  private final List<Batch> inFlightBatches = new ArrayList<>();
  private int queued;
  private int readyEvents;
  /** Set when the linger expired, or on flush and close: partial batches may go. */
  private boolean overdue;
  private boolean timerArmed;
  private boolean closed;
  // Counters for stats(): the two gauges mirror queued and inFlightBatches.size() (written under
  // the lock, read without it), the totals are adders so completions never contend.
  private volatile int queuedGauge;
  private volatile int inFlightGauge;
  private final LongAdder eventsSent = new LongAdder();
  private final LongAdder eventsFailed = new LongAdder();

  public BatchingPublisher(Requests requests, Dispatcher dispatcher, PublisherOptions options) {
    int clientLimit = requests.maxBatchSize();
    if (options.maxBatchSize() > clientLimit) {
      throw Errors.validation(
          "publisher maxBatchSize " + options.maxBatchSize() + " exceeds the client's maxBatchSize " + clientLimit);
    }
    this.requests = requests;
    this.dispatcher = dispatcher;
    this.lingerNanos = options.linger().toNanos();
    this.maxBatch = options.maxBatchSize() == 0 ? clientLimit : options.maxBatchSize();
    this.maxInFlight = options.maxInFlightRequests();
    this.capacity = options.queueCapacity();
    this.resumeBelow = capacity / 2;
    this.failFast = options.backpressure() == PublisherOptions.Backpressure.FAIL_FAST;
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "channels4j-publisher-linger");
      thread.setDaemon(true);
      return thread;
    });
    this.timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public CompletableFuture<ChannelCounts> publish(Event event) {
    PreparedEvent prepared;
    try {
      prepared = requests.prepare(event);
    } catch (ChannelsException e) {
      eventsFailed.increment();
      return CompletableFuture.failedFuture(e);
    }
    Pending pending = new Pending(prepared, new CompletableFuture<>());
    boolean drainNow;
    lock.lock();
    try {
      while (queued >= capacity && !closed) {
        if (failFast) {
          eventsFailed.increment();
          return CompletableFuture.failedFuture(Errors.publishRejected(
              PublishRejectedException.Reason.QUEUE_FULL,
              "the publisher's queue is full (" + capacity + " events); raise queueCapacity or use Backpressure.WAIT"));
        }
        try {
          notFull.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          eventsFailed.increment();
          return CompletableFuture.failedFuture(Errors.publishRejected(
              PublishRejectedException.Reason.INTERRUPTED, "interrupted while waiting for room in the publisher's queue"));
        }
      }
      if (closed) {
        eventsFailed.increment();
        return CompletableFuture.failedFuture(
            Errors.publishRejected(PublishRejectedException.Reason.CLOSED, "the publisher is closed"));
      }
      enqueue(pending);
      if (lingerNanos == 0) {
        overdue = true;
      }
      drainNow = canSend();
      if (!drainNow) {
        armTimer();
      }
    } finally {
      lock.unlock();
    }
    if (drainNow) {
      drain();
    }
    return pending.future;
  }

  @Override
  public void flush() {
    awaitAll(expedite(false));
  }

  @Override
  public void close() {
    awaitAll(expedite(true));
    timer.shutdownNow();
  }

  /** Lets partial batches go, drains, and returns the futures of every event accepted so far. */
  private CompletableFuture<?>[] expedite(boolean close) {
    List<CompletableFuture<?>> outstanding = new ArrayList<>();
    lock.lock();
    try {
      if (close) {
        closed = true;
        notFull.signalAll();
      }
      if (queued > 0) {
        overdue = true;
      }
      for (Lane lane : lanes.values()) {
        for (Pending pending : lane.events) {
          outstanding.add(pending.future);
        }
      }
      for (Batch batch : inFlightBatches) {
        for (Pending pending : batch.events) {
          outstanding.add(pending.future);
        }
      }
    } finally {
      lock.unlock();
    }
    drain();
    return outstanding.toArray(new CompletableFuture<?>[0]);
  }

  private static void awaitAll(CompletableFuture<?>[] futures) {
    // Each event's outcome is reported on its own future; flush only waits for them.
    CompletableFuture.allOf(futures).handle((ignored, error) -> null).join();
  }

  private void enqueue(Pending pending) {
    Lane lane = lanes.computeIfAbsent(pending.event.channel(), Lane::new);
    lane.events.addLast(pending);
    queued++;
    queuedGauge = queued;
    if (!lane.busy) {
      if (!lane.ready) {
        lane.ready = true;
        readyLanes.addLast(lane);
      }
      readyEvents++;
    }
  }

  /** Whether a batch may be sent now. Under the lock. */
  private boolean canSend() {
    return readyEvents > 0 && inFlightBatches.size() < maxInFlight && (overdue || readyEvents >= maxBatch);
  }

  /** Makes sure waiting events get sent after the linger at the latest. Under the lock. */
  private void armTimer() {
    if (!timerArmed && !overdue && queued > 0 && !timer.isShutdown()) {
      try {
        timer.schedule(this::lingerExpired, lingerNanos, TimeUnit.NANOSECONDS);
        timerArmed = true;
      } catch (RejectedExecutionException closing) {
        overdue = true; // the publisher is closing: nothing waits for a linger any more
      }
    }
  }

  private void lingerExpired() {
    lock.lock();
    try {
      timerArmed = false;
      if (queued > 0) {
        overdue = true;
      }
    } finally {
      lock.unlock();
    }
    drain();
  }

  /** Sends batches while there are batches to send and room in flight. */
  private void drain() {
    if (draining.get() != null) {
      return; // an outer drain on this thread loops on
    }
    draining.set(Boolean.TRUE);
    try {
      Batch batch;
      while ((batch = takeBatch()) != null) {
        send(batch);
      }
    } finally {
      draining.remove();
    }
  }

  private Batch takeBatch() {
    lock.lock();
    try {
      if (!canSend()) {
        armTimer();
        return null;
      }
      Batch batch = new Batch(Math.min(maxBatch, readyEvents));
      while (batch.events.size() < maxBatch && !readyLanes.isEmpty()) {
        Lane lane = readyLanes.pollFirst();
        lane.ready = false;
        lane.busy = true;
        batch.lanes.add(lane);
        while (batch.events.size() < maxBatch && !lane.events.isEmpty()) {
          batch.events.add(lane.events.pollFirst());
        }
        readyEvents -= batch.events.size() - batch.takenBefore;
        // Whatever the lane still holds waits for this batch, to keep the channel's order.
        readyEvents -= lane.events.size();
        batch.takenBefore = batch.events.size();
      }
      queued -= batch.events.size();
      queuedGauge = queued;
      if (queued == 0) {
        overdue = false;
      }
      inFlightBatches.add(batch);
      inFlightGauge = inFlightBatches.size();
      if (queued <= resumeBelow) {
        // Waiting publishers resume once the queue is half empty, not after every batch: one
        // wake-up per half queue instead of one per batch.
        notFull.signalAll();
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  private void send(Batch batch) {
    List<PreparedEvent> events = new ArrayList<>(batch.events.size());
    for (Pending pending : batch.events) {
      events.add(pending.event);
    }
    CompletableFuture<Dispatcher.ApiResponse> sent;
    try {
      ApiRequest request = requests.batchOf(events);
      sent = dispatcher.send(request);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete((response, error) -> finish(batch, response, error));
  }

  private void finish(Batch batch, Dispatcher.ApiResponse response, Throwable error) {
    if (error == null) {
      List<ChannelCounts> counts;
      try {
        counts = Responses.batch(response).events();
      } catch (RuntimeException unreadable) {
        counts = List.of();
      }
      // Counted before the futures complete, so a callback that reads stats() sees its own event.
      eventsSent.add(batch.events.size());
      for (int i = 0; i < batch.events.size(); i++) {
        batch.events.get(i).future.complete(i < counts.size() ? counts.get(i) : NO_COUNTS);
      }
    } else {
      Throwable cause = Dispatcher.unwrap(error);
      ChannelsException failure = cause instanceof ChannelsException channels
          ? channels
          : Errors.transport(TransportException.Kind.OTHER, "batch request failed: " + cause, cause);
      eventsFailed.add(batch.events.size());
      for (Pending pending : batch.events) {
        pending.future.completeExceptionally(failure);
      }
    }
    lock.lock();
    try {
      inFlightBatches.remove(batch);
      inFlightGauge = inFlightBatches.size();
      for (Lane lane : batch.lanes) {
        lane.busy = false;
        if (lane.events.isEmpty()) {
          lanes.remove(lane.channel);
        } else {
          lane.ready = true;
          readyLanes.addLast(lane);
          readyEvents += lane.events.size();
        }
      }
    } finally {
      lock.unlock();
    }
    drain();
  }

  @Override
  public PublisherStats stats() {
    return new PublisherStats(queuedGauge, inFlightGauge, eventsSent.sum(), eventsFailed.sum());
  }

  @Override
  public String toString() {
    return "BatchingPublisher[maxBatch=" + maxBatch + ", maxInFlight=" + maxInFlight + ", capacity=" + capacity + "]";
  }

  private record Pending(PreparedEvent event, CompletableFuture<ChannelCounts> future) {}

  /** The waiting events of one channel. */
  private static final class Lane {
    final String channel;
    final ArrayDeque<Pending> events = new ArrayDeque<>();
    boolean ready;
    boolean busy;

    Lane(String channel) {
      this.channel = channel;
    }
  }

  /** The events of one request, and the lanes it keeps busy until it completes. */
  private static final class Batch {
    final List<Pending> events;
    final List<Lane> lanes = new ArrayList<>();
    int takenBefore;

    Batch(int size) {
      this.events = new ArrayList<>(size);
    }
  }
}

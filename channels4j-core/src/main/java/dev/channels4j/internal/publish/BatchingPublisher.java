package dev.channels4j.internal.publish;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link Publisher} behind {@code ChannelsClient.publisher()}: the concurrency shell around
 * {@link Lanes} (which events go into which batch) and {@link AdaptiveLimit} (how many requests may
 * be in flight).
 *
 * <p>All of their state sits behind one lock, held only to move events between lanes and batches
 * and to account for answers: encoding happens before (on the publishing thread) and building,
 * signing and sending after (on whichever thread drains). Time comes from {@link PublisherTime}.
 */
public final class BatchingPublisher implements Publisher {
  private final Requests requests;
  private final Dispatcher dispatcher;
  private final PublisherTime time;
  private final long lingerNanos;
  private final int maxBatch;
  private final int capacity;
  private final int resumeBelow;
  private final boolean failFast;
  private final Runnable onClose;
  /** Marks the thread that is draining, so a request that fails synchronously does not recurse. */
  private final ThreadLocal<Boolean> draining = new ThreadLocal<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Lanes<Pending> lanes;
  private final AdaptiveLimit limit;
  private final Set<InFlightBatch> inFlightBatches = new HashSet<>();
  /** Set when the linger expired, or on flush and close: partial batches may go. */
  private boolean overdue;
  /** The most requests ever in flight at once: about as many connections as the pool has opened. */
  private int highWater;
  private boolean timerArmed;
  private boolean closed;
  // Counters for stats(): the gauges mirror the state under the lock (written under it, read
  // without it), the totals are adders so completions never contend.
  private volatile int queuedGauge;
  private volatile int inFlightGauge;
  private volatile int limitGauge;
  private final LongAdder eventsSent = new LongAdder();
  private final LongAdder eventsFailed = new LongAdder();

  public BatchingPublisher(Requests requests, Dispatcher dispatcher, PublisherOptions options) {
    this(requests, dispatcher, options, () -> {});
  }

  /** A publisher that runs {@code onClose} once closed (its client stops tracking it). */
  public BatchingPublisher(Requests requests, Dispatcher dispatcher, PublisherOptions options, Runnable onClose) {
    this(requests, dispatcher, options, PublisherTime.system(), onClose);
  }

  BatchingPublisher(Requests requests, Dispatcher dispatcher, PublisherOptions options, PublisherTime time,
      Runnable onClose) {
    int clientLimit = requests.maxBatchSize();
    if (options.maxBatchSize() > clientLimit) {
      time.shutdown();
      throw Errors.validation(
          "publisher maxBatchSize " + options.maxBatchSize() + " exceeds the client's maxBatchSize " + clientLimit);
    }
    this.onClose = onClose;
    this.requests = requests;
    this.dispatcher = dispatcher;
    this.time = time;
    this.lingerNanos = options.linger().toNanos();
    this.maxBatch = options.maxBatchSize() == 0 ? clientLimit : options.maxBatchSize();
    this.capacity = options.queueCapacity();
    this.resumeBelow = capacity / 2;
    this.failFast = options.backpressure() == PublisherOptions.Backpressure.FAIL_FAST;
    this.lanes = new Lanes<>(options.ordering() == PublisherOptions.Ordering.PER_CHANNEL);
    this.limit = new AdaptiveLimit(options.minInFlightRequests(), options.maxInFlightRequests());
    this.limitGauge = limit.current();
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
    Pending pending = new Pending(prepared);
    boolean drainNow;
    lock.lock();
    try {
      while (lanes.queued() >= capacity && !closed) {
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
      lanes.add(prepared.channel(), pending);
      queuedGauge = lanes.queued();
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
    return pending.future();
  }

  @Override
  public void flush() {
    awaitAll(expedite(false));
  }

  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }

  @Override
  public void close(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw Errors.validation("close timeout must be zero or positive, got " + timeout);
    }
    if (timeout.isZero()) {
      abort("the publisher was closed with no time to deliver");
      return;
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(expedite(true)).handle((ignored, error) -> null);
    try {
      all.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // what is still pending is failed below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort("the thread closing the publisher was interrupted");
    }
    if (!all.isDone()) {
      abort("the publisher's close(" + timeout.toMillis() + " ms) deadline passed");
    }
    time.shutdown();
    onClose.run();
  }

  /**
   * Fails every event not yet delivered, at once, and stops accepting: the queued ones (never
   * sent) with {@link PublishRejectedException.Reason#CLOSED}, those of requests in flight with a
   * {@link TransportException} of kind {@code TIMEOUT}, since whether they arrive is unknown. A
   * request still in flight later completes nothing: each future completes once.
   */
  public void abort(String reason) {
    List<Pending> unsent;
    List<Pending> unanswered = new ArrayList<>();
    lock.lock();
    try {
      closed = true;
      notFull.signalAll();
      unsent = lanes.removeAll();
      queuedGauge = 0;
      overdue = false;
      for (InFlightBatch batch : inFlightBatches) {
        unanswered.addAll(batch.events());
      }
    } finally {
      lock.unlock();
    }
    time.shutdown();
    if (!unsent.isEmpty()) {
      PublishRejectedException notSent = Errors.publishRejected(PublishRejectedException.Reason.CLOSED,
          "not sent: " + reason + " before this event's turn came");
      unsent.forEach(pending -> pending.fail(notSent, eventsFailed));
    }
    if (!unanswered.isEmpty()) {
      TransportException unknown = Errors.transport(TransportException.Kind.TIMEOUT,
          reason + " while the request carrying this event was in flight: it may or may not have been published",
          null);
      unanswered.forEach(pending -> pending.fail(unknown, eventsFailed));
    }
    onClose.run();
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
      if (lanes.queued() > 0) {
        overdue = true;
      }
      lanes.forEachQueued(pending -> outstanding.add(pending.future()));
      for (InFlightBatch batch : inFlightBatches) {
        for (Pending pending : batch.events()) {
          outstanding.add(pending.future());
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

  /** Whether a batch may be sent now. Under the lock. */
  private boolean canSend() {
    int ready = lanes.ready();
    return ready > 0 && inFlightBatches.size() < limit.current() && (overdue || ready >= maxBatch);
  }

  /** Makes sure waiting events get sent after the linger at the latest. Under the lock. */
  private void armTimer() {
    if (!timerArmed && !overdue && lanes.queued() > 0) {
      if (time.schedule(this::lingerExpired, lingerNanos)) {
        timerArmed = true;
      } else {
        overdue = true; // the publisher is closing: nothing waits for a linger any more
      }
    }
  }

  private void lingerExpired() {
    lock.lock();
    try {
      timerArmed = false;
      if (lanes.queued() > 0) {
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
      InFlightBatch batch;
      while ((batch = takeBatch()) != null) {
        send(batch);
      }
    } finally {
      draining.remove();
    }
  }

  private InFlightBatch takeBatch() {
    lock.lock();
    try {
      if (!canSend()) {
        armTimer();
        return null;
      }
      InFlightBatch batch = new InFlightBatch(lanes.take(maxBatch));
      int queued = lanes.queued();
      queuedGauge = queued;
      if (queued == 0) {
        overdue = false;
      }
      inFlightBatches.add(batch);
      batch.inFlightWhenSent = inFlightBatches.size();
      batch.newConnection = batch.inFlightWhenSent > highWater;
      highWater = Math.max(highWater, batch.inFlightWhenSent);
      inFlightGauge = batch.inFlightWhenSent;
      batch.sentAt = time.nanoTime();
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

  private void send(InFlightBatch batch) {
    List<PreparedEvent> events = new ArrayList<>(batch.events().size());
    for (Pending pending : batch.events()) {
      events.add(pending.event());
    }
    CompletableFuture<Dispatcher.ApiResponse> sent;
    ApiRequest request = null;
    try {
      request = requests.batchOf(events);
      sent = dispatcher.send(request);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    ApiRequest sentRequest = request;
    sent.whenComplete((response, error) -> finish(batch, sentRequest, response, error));
  }

  private void finish(InFlightBatch batch, ApiRequest request, Dispatcher.ApiResponse response, Throwable error) {
    long answeredAt = time.nanoTime();
    List<ChannelCounts> counts = List.of();
    if (error == null) {
      try {
        counts = Responses.batch(request, response).events();
      } catch (RuntimeException unreadable) {
        error = unreadable; // asked for info, got an answer without it: see Responses
      }
    }
    Throwable cause = error == null ? null : Dispatcher.unwrap(error);
    if (cause == null) {
      batch.succeed(counts, eventsSent);
    } else {
      batch.fail(cause instanceof ChannelsException channels
          ? channels
          : Errors.transport(TransportException.Kind.OTHER, "batch request failed: " + cause, cause), eventsFailed);
    }
    lock.lock();
    try {
      inFlightBatches.remove(batch);
      inFlightGauge = inFlightBatches.size();
      lanes.finished(batch.taken);
      queuedGauge = lanes.queued();
      if (request != null && !(cause instanceof ValidationException)) {
        limit.onAnswer(batch.sentAt, answeredAt, batch.inFlightWhenSent, batch.newConnection,
            AdaptiveLimit.saysSlowDown(cause));
        limitGauge = limit.current();
      }
    } finally {
      lock.unlock();
    }
    drain();
  }

  @Override
  public PublisherStats stats() {
    return new PublisherStats(queuedGauge, inFlightGauge, limitGauge, eventsSent.sum(), eventsFailed.sum());
  }

  @Override
  public String toString() {
    return "BatchingPublisher[maxBatch=" + maxBatch + ", " + limit + ", capacity=" + capacity + "]";
  }
}

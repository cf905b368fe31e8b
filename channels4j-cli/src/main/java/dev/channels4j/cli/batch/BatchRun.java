package dev.channels4j.cli.batch;

import dev.channels4j.ApiException;
import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.TransportException;
import dev.channels4j.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends valid lines in batches of {@code batchSize}, with at most {@code concurrency} requests in
 * flight, and records which lines each failed request carried.
 */
record BatchRun(ChannelsClient client, int batchSize, int concurrency, Progress progress) {
  /** How the library names one event of a batch in a validation message: "batch event #3: ..." or "batch event #3 data is ...". */
  private static final Pattern BATCH_EVENT = Pattern.compile("^batch event #(\\d+):? (.*)$", Pattern.DOTALL);

  /**
   * Lines that were not published, and why.
   *
   * @param group failures of one group are reported together: the API status, or the message
   * @param refusedBeforeSending the library refused them before anything was sent (invalid
   *     input), as opposed to a request the service refused or that failed on the way
   */
  record Failure(List<Integer> lines, String message, String group, boolean refusedBeforeSending) {
    Failure(List<Integer> lines, String message) {
      this(lines, message, message, false);
    }

    static Failure invalid(List<Integer> lines, String message) {
      return new Failure(lines, message, "invalid: " + message, true);
    }
  }

  /** What a run did. */
  record Outcome(int sent, int batches, List<Failure> failures, double seconds) {
    static Outcome nothingSent(int valid) {
      return new Outcome(0, 0, List.of(), 0);
    }
  }

  Outcome send(List<BatchLine> lines) {
    long start = System.nanoTime();
    Semaphore inFlight = new Semaphore(concurrency);
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger settled = new AtomicInteger();
    AtomicBoolean unreachable = new AtomicBoolean();
    List<Failure> failures = new ArrayList<>();
    List<CompletableFuture<?>> requests = new ArrayList<>();
    int from = 0;
    for (; from < lines.size(); from += batchSize) {
      inFlight.acquireUninterruptibly();
      if (unreachable.get()) {
        // No point sending the rest to a service that cannot be reached; every line is still accounted for.
        inFlight.release();
        break;
      }
      List<BatchLine> chunk = new ArrayList<>(lines.subList(from, Math.min(from + batchSize, lines.size())));
      CompletableFuture<?> request = sendValid(chunk, failures, settled);
      if (request == null) {
        // The library refused every line of the chunk: nothing was sent.
        inFlight.release();
        continue;
      }
      requests.add(request.whenComplete((result, error) -> {
        try {
          if (error == null) {
            sent.addAndGet(chunk.size());
          } else {
            Throwable cause = unwrap(error);
            if (cause instanceof TransportException transport && (transport.kind() == TransportException.Kind.CONNECTION_REFUSED
                || transport.kind() == TransportException.Kind.UNKNOWN_HOST)) {
              unreachable.set(true);
            }
            synchronized (failures) {
              failures.addAll(failuresOf(chunk, cause));
            }
          }
          progress.update(settled.addAndGet(chunk.size()));
        } finally {
          inFlight.release();
        }
      }));
    }
    CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
    if (from < lines.size()) {
      List<Integer> rest = lines.subList(from, lines.size()).stream().map(BatchLine::number).toList();
      failures.add(new Failure(rest, "skipped: the service could not be reached (see above)"));
      progress.update(settled.addAndGet(rest.size()));
    }
    progress.finish(settled.get());
    return new Outcome(sent.get(), requests.size(), merge(failures), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Sends the chunk, less the events the library refuses before sending (its limits may differ
   * from the checks made when the lines were read): each refused event is blamed on its own line,
   * and the others go out without it. Returns the request, or null when no event was left.
   */
  private CompletableFuture<?> sendValid(List<BatchLine> chunk, List<Failure> failures, AtomicInteger settled) {
    while (!chunk.isEmpty()) {
      List<Event> events = chunk.stream().map(BatchLine::event).toList();
      CompletableFuture<?> request;
      try {
        request = client.async().triggerBatch(events);
      } catch (RuntimeException e) {
        request = CompletableFuture.failedFuture(e);
      }
      Throwable refused = request.isCompletedExceptionally()
          ? request.handle((r, e) -> unwrap(e)).join() : null;
      if (!(refused instanceof ValidationException)) {
        return request;
      }
      String message = refused.getMessage() == null ? refused.toString() : refused.getMessage();
      Matcher matcher = BATCH_EVENT.matcher(message);
      int index = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
      synchronized (failures) {
        if (index < 0 || index >= chunk.size()) {
          failures.add(Failure.invalid(chunk.stream().map(BatchLine::number).toList(), message));
          progress.update(settled.addAndGet(chunk.size()));
          return null;
        }
        BatchLine blamed = chunk.remove(index);
        failures.add(Failure.invalid(List.of(blamed.number()), matcher.group(2)));
      }
      progress.update(settled.addAndGet(1));
    }
    return null;
  }

  /** Failures of one group become one, so a thousand refused batches read as one line. */
  static List<Failure> merge(List<Failure> failures) {
    Map<String, Failure> byGroup = new LinkedHashMap<>();
    failures.stream()
        .sorted(Comparator.comparing(failure -> failure.lines().get(0)))
        .forEach(failure -> byGroup.merge(failure.group(), failure, (first, next) -> {
          List<Integer> numbers = new ArrayList<>(first.lines());
          numbers.addAll(next.lines());
          return new Failure(numbers.stream().sorted().toList(), first.message(), first.group(),
              first.refusedBeforeSending());
        }));
    return List.copyOf(byGroup.values());
  }

  /** A validation failure names one event of the batch: blame its line alone, the rest were not sent either. */
  private static List<Failure> failuresOf(List<BatchLine> chunk, Throwable error) {
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    if (error instanceof ValidationException) {
      Matcher matcher = BATCH_EVENT.matcher(message);
      if (matcher.matches()) {
        int index = Integer.parseInt(matcher.group(1));
        if (index < chunk.size()) {
          List<Failure> failures = new ArrayList<>();
          failures.add(new Failure(List.of(chunk.get(index).number()), matcher.group(2)));
          List<Integer> others = new ArrayList<>();
          for (int i = 0; i < chunk.size(); i++) {
            if (i != index) {
              others.add(chunk.get(i).number());
            }
          }
          if (!others.isEmpty()) {
            failures.add(new Failure(others, "in the same batch as line " + chunk.get(index).number()));
          }
          return failures;
        }
      }
    }
    // API errors of one status read alike even when their bodies differ (a signature, a timestamp).
    String group = error instanceof ApiException api ? "HTTP " + api.status() : message;
    return List.of(new Failure(chunk.stream().map(BatchLine::number).toList(), message, group, false));
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}

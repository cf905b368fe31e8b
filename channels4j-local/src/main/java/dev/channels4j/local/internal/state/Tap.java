package dev.channels4j.local.internal.state;

import dev.channels4j.local.AcceptedEvent;
import java.net.URI;

/**
 * What the debug console watches: called under the app's lock (accepted events) or on the
 * webhook thread, so an implementation only appends to a bounded buffer and returns.
 */
public interface Tap {
  void accepted(String appId, AcceptedEvent event);

  /** A webhook attempt and its answer: an HTTP status, or 0 with the failure. */
  void webhook(URI url, String body, int attempt, int status, String failure);
}

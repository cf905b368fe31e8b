package dev.channels4j.examples.reactive;

import dev.channels4j.webhook.WebhookEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who came online and left, from the Channels webhooks: the last 100 changes. The starter calls
 * listeners off the event loop on WebFlux, so they may block.
 */
@RestController
public class PresenceLog {
  private static final Logger log = LoggerFactory.getLogger(PresenceLog.class);
  private static final int KEPT = 100;

  private final Deque<String> changes = new ArrayDeque<>();

  @EventListener
  public void on(WebhookEvent.MemberAdded added) {
    record(added.userId() + " came online");
  }

  @EventListener
  public void on(WebhookEvent.MemberRemoved removed) {
    record(removed.userId() + " went offline");
  }

  private void record(String change) {
    log.info(change);
    synchronized (changes) {
      if (changes.size() == KEPT) {
        changes.removeFirst();
      }
      changes.addLast(change);
    }
  }

  @GetMapping("/api/presence-log")
  public List<String> changes() {
    synchronized (changes) {
      return new ArrayList<>(changes);
    }
  }
}

package dev.channels4j.examples.orders;

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

/** Who came online and left, from the Channels webhooks: the last 100 changes. */
@RestController
public class PresenceLog {
  private static final Logger log = LoggerFactory.getLogger(PresenceLog.class);
  private static final int KEPT = 100;

  private final Deque<String> changes = new ArrayDeque<>();

  @EventListener
  public void on(WebhookEvent.MemberAdded added) {
    record(added.userId(), "came online");
  }

  @EventListener
  public void on(WebhookEvent.MemberRemoved removed) {
    record(removed.userId(), "went offline");
  }

  /**
   * A user id as one printable, quoted token. The id comes from a webhook the app's Channels
   * signed, but its text is the browser user's: a CR or LF in it would otherwise start a forged log
   * line, and a control character could rewrite the terminal that reads the log.
   */
  static String printable(String userId) {
    StringBuilder out = new StringBuilder(userId.length() + 2).append('"');
    userId.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }

  private void record(String userId, String what) {
    // The list is served as JSON (escaped by Jackson); only the log needs the printable form.
    log.info("{} {}", printable(userId), what);
    String change = userId + " " + what;
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

package dev.channels4j.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.webhook.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PresenceLogTest {

  @Test
  void aUserIdWithALineBreakCannotForgeALogLine(CapturedOutput output) {
    new PresenceLog().on(new WebhookEvent.MemberAdded("presence-online", "mallory\r\nINFO admin signed in"));

    assertThat(output.getOut())
        .contains("\"mallory\\u000d\\u000aINFO admin signed in\" came online")
        .doesNotContain("\nINFO admin signed in");
  }

  @Test
  void thePresenceListKeepsTheUserIdAsItCame() {
    PresenceLog log = new PresenceLog();
    log.on(new WebhookEvent.MemberRemoved("presence-online", "bob"));

    assertThat(log.changes()).containsExactly("bob went offline");
  }
}

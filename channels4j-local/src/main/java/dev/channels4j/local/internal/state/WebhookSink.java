package dev.channels4j.local.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.local.LocalApp;

/** Where the app state hands webhook events; delivery (signing, retries) is the sink's business. */
public interface WebhookSink {
  void send(LocalApp app, ObjectNode event);

  WebhookSink NONE = (app, event) -> {};
}

package dev.channels4j;

import java.util.List;

/**
 * What a batch returned: one entry per event of the batch, in order, when any event asked for
 * attributes; otherwise an empty list.
 *
 * <pre>{@code
 * BatchResult r = client.triggerBatch(events);
 * r.events().get(0).userCount();
 * }</pre>
 *
 * @param events attributes per event, index-aligned with the batch (empty if none asked)
 */
public record BatchResult(List<ChannelCounts> events) {
  public BatchResult {
    events = List.copyOf(events);
  }
}

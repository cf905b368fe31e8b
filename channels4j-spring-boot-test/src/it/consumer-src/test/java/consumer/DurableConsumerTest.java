package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelCounts;
import dev.channels4j.Event;
import dev.channels4j.spring.boot.ChannelsPublicationDelivery;
import dev.channels4j.spring.boot.TransactionalPublisher;
import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import dev.channels4j.testkit.TestSubscriber;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** With Spring Modulith's JDBC registry, this Boot line's Modulith records and completes each publication. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.modulith.events.jdbc.schema-initialization.enabled=true")
@AutoConfigureLocalChannels
class DurableConsumerTest {
  @Autowired
  LocalChannels channels;

  @Autowired
  TransactionalPublisher publisher;

  @Autowired
  PlatformTransactionManager transactions;

  @Autowired
  EventPublicationRegistry registry;

  @Autowired
  ChannelsPublicationDelivery delivery;

  @Test
  void aCommittedEventIsDeliveredAndItsPublicationCompleted() throws Exception {
    try (TestSubscriber alice = channels.subscriber(Map.of("X-User", "alice"))) {
      alice.subscribe("private-orders.alice");
      CompletableFuture<ChannelCounts> outcome = new TransactionTemplate(transactions).execute(status ->
          publisher.publish(Event.of("private-orders.alice", "order-durable", Map.of("item", "teapot"))));
      assertThat(outcome.get(10, TimeUnit.SECONDS)).isNotSameAs(TransactionalPublisher.NOT_PUBLISHED);
      assertThat(alice.awaitEvent("private-orders.alice", "order-durable").data()).contains("teapot");
      assertThat(registry.findIncompletePublications()).isEmpty();
    }
  }
}

package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelCounts;
import dev.channels4j.Event;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.LocalServer;
import dev.channels4j.spring.boot.ChannelsPublication;
import dev.channels4j.spring.boot.ChannelsPublicationDelivery;
import dev.channels4j.spring.boot.TransactionalPublisher;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.config.EventPublicationAutoConfiguration;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** TransactionalPublisher with Spring Modulith's JDBC event publication registry on H2. */
class DurablePublishingTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
          TransactionAutoConfiguration.class, JacksonAutoConfiguration.class,
          EventPublicationAutoConfiguration.class,
          named("org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration"),
          named("org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration"),
          ChannelsAutoConfiguration.class))
      .withPropertyValues("spring.modulith.events.jdbc.schema-initialization.enabled=true");

  @Test
  void aCommittedEventIsRecordedAndCompletedOnceChannelsAcceptedIt() {
    try (LocalServer server = LocalServer.builder().port(0).build().start()) {
      runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
        assertThat(context).hasSingleBean(ChannelsPublicationDelivery.class);
        CompletableFuture<ChannelCounts> outcome = inTransaction(context.getBean(PlatformTransactionManager.class),
            () -> context.getBean(TransactionalPublisher.class).publish(Event.of("durable", "created", Map.of("id", 1))));

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isNotSameAs(TransactionalPublisher.NOT_PUBLISHED);
        assertThat(server.acceptedEvents()).extracting(AcceptedEvent::channel).contains("durable");
        assertThat(context.getBean(EventPublicationRegistry.class).findIncompletePublications()).isEmpty();
      });
    }
  }

  @Test
  void aRolledBackEventIsNeitherRecordedNorAFailure() {
    try (LocalServer server = LocalServer.builder().port(0).build().start()) {
      runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        CompletableFuture<ChannelCounts> outcome = transaction.execute(status -> {
          status.setRollbackOnly();
          return context.getBean(TransactionalPublisher.class).publish(Event.of("durable-rollback", "created", "{}"));
        });

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isSameAs(TransactionalPublisher.NOT_PUBLISHED);
        assertThat(context.getBean(EventPublicationRegistry.class).findIncompletePublications()).isEmpty();
        assertThat(server.acceptedEvents()).noneMatch(e -> e.channel().equals("durable-rollback"));
      });
    }
  }

  @Test
  void anEventWhoseDeliveryFailedStaysIncompleteAndIsDeliveredWhenResubmitted() {
    LocalServer first = LocalServer.builder().port(0).build().start();
    int port = first.port();
    String url = first.pusherUrl();
    first.close();  // the server is down when the transaction commits
    runner.withPropertyValues("channels4j.url=" + url).run(context -> {
      CompletableFuture<ChannelCounts> outcome = inTransaction(context.getBean(PlatformTransactionManager.class),
          () -> context.getBean(TransactionalPublisher.class).publish(Event.of("durable-later", "created", "{\"n\":1}")));
      assertThatThrownBy(() -> outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
      EventPublicationRegistry registry = context.getBean(EventPublicationRegistry.class);
      assertThat(registry.findIncompletePublications())
          .singleElement()
          .satisfies(p -> assertThat(p.getEvent()).isInstanceOf(ChannelsPublication.class));

      try (LocalServer again = LocalServer.builder().port(port).build().start()) {
        context.getBean(IncompleteEventPublications.class)
            .resubmitIncompletePublications(p -> p.getEvent() instanceof ChannelsPublication);

        assertThat(again.acceptedEvents()).extracting(AcceptedEvent::channel).containsExactly("durable-later");
        assertThat(registry.findIncompletePublications()).isEmpty();
      }
    });
  }

  @Test
  void withoutTheRegistryNothingIsRecorded() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ChannelsAutoConfiguration.class))
        .withPropertyValues("channels4j.url=http://key:secret@127.0.0.1:1/apps/1")
        .run(context -> {
          assertThat(context).hasSingleBean(TransactionalPublisher.class);
          assertThat(context).doesNotHaveBean(ChannelsPublicationDelivery.class);
        });
  }

  /** Modulith's JDBC and Jackson auto-configurations are package-private. */
  private static Class<?> named(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T inTransaction(PlatformTransactionManager manager, java.util.function.Supplier<T> work) {
    return new TransactionTemplate(manager).execute(status -> work.get());
  }
}

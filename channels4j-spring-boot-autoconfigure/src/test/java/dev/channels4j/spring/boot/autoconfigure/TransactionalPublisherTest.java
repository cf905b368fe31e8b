package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelCounts;
import dev.channels4j.Event;
import dev.channels4j.Publisher;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.spring.boot.TransactionalPublisher;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionalPublisherTest {
  @RegisterExtension
  static final SharedLocalServer server = new SharedLocalServer();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ChannelsAutoConfiguration.class));

  @Test
  void anEventPublishedInATransactionLeavesOnlyAfterTheCommit() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
      TransactionalPublisher publisher = context.getBean(TransactionalPublisher.class);
      TransactionTemplate transaction = new TransactionTemplate(new NoResourceTransactionManager());
      CompletableFuture<ChannelCounts> outcome = transaction.execute(status -> {
        CompletableFuture<ChannelCounts> future = publisher.publish(Event.of("tx-commit", "order-created", Map.of()));
        context.getBean(Publisher.class).flush();
        // Still inside the transaction: nothing has been handed to the publisher.
        assertThat(future).isNotDone();
        assertThat(server.acceptedEvents()).noneMatch(e -> e.channel().equals("tx-commit"));
        return future;
      });
      outcome.get(10, TimeUnit.SECONDS);
      assertThat(server.acceptedEvents()).extracting(AcceptedEvent::channel).contains("tx-commit");
    });
  }

  @Test
  void anEventPublishedInATransactionThatRollsBackIsDroppedAndCompletesAsNotPublished() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
      TransactionalPublisher publisher = context.getBean(TransactionalPublisher.class);
      TransactionTemplate transaction = new TransactionTemplate(new NoResourceTransactionManager());
      CompletableFuture<?>[] outcome = new CompletableFuture<?>[1];
      transaction.executeWithoutResult(status -> {
        outcome[0] = publisher.publish(Event.of("tx-rollback", "order-created", Map.of()));
        status.setRollbackOnly();
      });
      context.getBean(Publisher.class).flush();
      assertThat(outcome[0]).isCompletedWithValueMatching(counts -> counts == TransactionalPublisher.NOT_PUBLISHED);
      // A later event on another channel is delivered: the rolled-back one never will be.
      publisher.publish(Event.of("tx-after", "marker", Map.of())).get(10, TimeUnit.SECONDS);
      assertThat(server.acceptedEvents()).extracting(AcceptedEvent::channel).contains("tx-after").doesNotContain("tx-rollback");
    });
  }

  @Test
  void outsideATransactionTheEventLeavesAtOnce() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
      context.getBean(TransactionalPublisher.class).publish(Event.of("no-tx", "ev", Map.of()))
          .get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
      assertThat(server.acceptedEvents()).extracting(AcceptedEvent::channel).contains("no-tx");
    });
  }

  @Test
  void toOthersExcludesTheSocketOfTheCurrentRequestsXSocketIdHeader() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
      Publisher real = context.getBean(Publisher.class);
      java.util.List<Event> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      TransactionalPublisher publisher = new TransactionalPublisher(recording(real, seen)).toOthers();
      MockHttpServletRequest request = new MockHttpServletRequest();
      request.addHeader("X-Socket-ID", "123.456");
      RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
      try {
        publisher.publish(Event.of("others", "ev", Map.of())).get(10, TimeUnit.SECONDS);
      } finally {
        RequestContextHolder.resetRequestAttributes();
      }
      assertThat(seen).singleElement().satisfies(e -> assertThat(e.socketId()).contains("123.456"));
    });
  }

  @Test
  void toOthersSendsToAllWhenTheHeaderIsNoSocketId() {
    runner.withPropertyValues("channels4j.url=" + server.pusherUrl()).run(context -> {
      java.util.List<Event> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      TransactionalPublisher publisher =
          new TransactionalPublisher(recording(context.getBean(Publisher.class), seen)).toOthers();
      MockHttpServletRequest request = new MockHttpServletRequest();
      request.addHeader("X-Socket-ID", "not-a-socket");
      RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
      try {
        publisher.publish(Event.of("others-bad", "ev", Map.of())).get(10, TimeUnit.SECONDS);
      } finally {
        RequestContextHolder.resetRequestAttributes();
      }
      assertThat(seen).singleElement().satisfies(e -> assertThat(e.socketId()).isEmpty());
    });
  }

  /** The real publisher, remembering each event it is given. */
  private static Publisher recording(Publisher real, java.util.List<Event> seen) {
    return (Publisher) java.lang.reflect.Proxy.newProxyInstance(Publisher.class.getClassLoader(),
        new Class<?>[] {Publisher.class}, (proxy, method, args) -> {
          if (method.getName().equals("publish")) {
            seen.add((Event) args[0]);
          }
          return method.invoke(real, args);
        });
  }

  /** A transaction manager with no resource: enough for transaction synchronization. */
  static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}

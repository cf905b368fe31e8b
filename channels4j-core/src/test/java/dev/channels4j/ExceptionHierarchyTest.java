package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.internal.Errors;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The exception hierarchy is closed and only channels4j creates its exceptions. */
class ExceptionHierarchyTest {

  @Test
  void rootIsSealedOverFiveFinalKindsOfItsOwnPackage() {
    Class<?>[] kinds = ChannelsException.class.getPermittedSubclasses();

    assertThat(ChannelsException.class.isSealed()).isTrue();
    assertThat(kinds).containsExactlyInAnyOrder(ValidationException.class, ApiException.class,
        TransportException.class, PublishRejectedException.class, WebhookVerificationException.class);
    assertThat(kinds).allSatisfy(kind -> {
      assertThat(Modifier.isFinal(kind.getModifiers())).as(kind + " is final").isTrue();
      assertThat(kind.getPackageName()).isEqualTo("dev.channels4j");
    });
  }

  @Test
  void noExceptionHasAPublicOrProtectedConstructor() {
    Class<?>[] all = Arrays.copyOf(ChannelsException.class.getPermittedSubclasses(), 6);
    all[5] = ChannelsException.class;

    assertThat(all).allSatisfy(kind -> assertThat(kind.getDeclaredConstructors())
        .allSatisfy(c -> assertThat(c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED))
            .as(c.toString()).isZero()));
  }

  /**
   * On the class path (the unnamed module) a sealed class may only permit subclasses of its own
   * package; the JVM checks it when it loads a subclass. Load the compiled classes in a fresh
   * loader of their own, which puts them in its unnamed module, and create each kind.
   */
  @Test
  void hierarchyLoadsAndWorksFromTheClassPath() throws Exception {
    URL classes = ChannelsException.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader classPath = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> root = Class.forName(ChannelsException.class.getName(), true, classPath);
      assertThat(root.getModule().isNamed()).isFalse();
      for (Class<?> kind : ChannelsException.class.getPermittedSubclasses()) {
        assertThat(root.isAssignableFrom(Class.forName(kind.getName(), true, classPath))).isTrue();
      }
      Class<?> errors = Class.forName(Errors.class.getName(), true, classPath);
      Object created = errors.getMethod("validation", String.class).invoke(null, "x must not be null");
      assertThat(created.getClass().getName()).isEqualTo(ValidationException.class.getName());
      assertThat(created.getClass().getClassLoader()).isSameAs(classPath);
    }
  }

  @Test
  void internalFactoryCreatesEachKindWithItsFields() {
    ApiException api = Errors.api("bad", 429, "{}", Duration.ofSeconds(2));
    TransportException transport = Errors.transport(TransportException.Kind.TIMEOUT, "slow", null);
    PublishRejectedException rejected = Errors.publishRejected(PublishRejectedException.Reason.QUEUE_FULL, "full");
    WebhookVerificationException webhook = Errors.webhookVerification("forged");
    Throwable cause = new IllegalStateException("cause");

    assertThat(api.status()).isEqualTo(429);
    assertThat(api.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(transport.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
    assertThat(rejected.reason()).isEqualTo(PublishRejectedException.Reason.QUEUE_FULL);
    assertThat(webhook).hasMessage("forged");
    assertThat(Errors.validation("v", cause)).hasCause(cause);
  }
}

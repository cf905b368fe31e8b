package dev.channels4j.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares who may subscribe to the channels matching a pattern. Put it on a method of any bean;
 * the starter's {@code POST /pusher/auth} endpoint calls it for each subscription request whose
 * channel matches. A channel that matches no rule is refused (403). The same on servlet and on
 * WebFlux, where the method runs on Reactor's {@code boundedElastic} scheduler, so it may block.
 *
 * <p>The method may take, in any order: the request's authenticated {@link java.security.Principal}
 * (or the type the security framework gives, e.g. Spring Security's {@code Authentication}),
 * parameters annotated {@link ChannelVariable} (converted to their type), the socket id as a
 * {@code String} parameter named {@code socketId}, and the full channel name as a {@code String}
 * parameter named {@code channelName}.
 *
 * <ul>
 *   <li>{@code private-} and {@code private-encrypted-} patterns return {@code boolean}: true allows.
 *   <li>{@code presence-} patterns return the {@link dev.channels4j.auth.PresenceMember} to join as,
 *       or null to refuse; returning {@code true} joins as the principal's name with no user info.
 * </ul>
 *
 * <pre>{@code
 * @Component
 * class OrderChannels {
 *   @ChannelAuthorization("private-orders.{orderId}")
 *   boolean canSee(Principal user, @ChannelVariable long orderId) {
 *     return orders.ownerOf(orderId).equals(user.getName());
 *   }
 *
 *   @ChannelAuthorization("presence-shop.{shopId}")
 *   PresenceMember join(Principal user, @ChannelVariable String shopId) {
 *     return staff.worksAt(user.getName(), shopId) ? PresenceMember.of(user.getName(), Map.of("role", "staff")) : null;
 *   }
 * }
 * }</pre>
 *
 * <p>Anonymous requests (no principal) are refused before the method is called, unless
 * {@link #allowAnonymous()} is set; the method then receives a null principal.
 *
 * <p>Checked at start-up: a pattern that can match no valid channel, a parameter the rule cannot
 * be given, a wrong return type, two rules for one pattern, or a {@code private-encrypted-} rule
 * without {@code channels4j.encryption-master-key} stops the application.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChannelAuthorization {

  /**
   * The channel pattern: the full channel name with {@code {name}} placeholders, each matching one
   * or more characters other than '.', e.g. {@code private-orders.{orderId}}. The prefix must say
   * the channel type: {@code private-}, {@code private-encrypted-} or {@code presence-}.
   */
  String value();

  /** Whether a request without an authenticated user may reach the method. */
  boolean allowAnonymous() default false;
}

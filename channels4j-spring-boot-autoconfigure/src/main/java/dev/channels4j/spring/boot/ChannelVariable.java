package dev.channels4j.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@code {placeholder}} of a {@link ChannelAuthorization} pattern to a method parameter,
 * converted to the parameter's type by the application's {@code ConversionService} bean when it
 * has exactly one (Spring MVC's or WebFlux's, with the converters and formatters the application
 * registers),
 * else by Spring's default conversions. A value that does not convert refuses the subscription (403).
 *
 * <pre>{@code
 * @ChannelAuthorization("private-orders.{orderId}")
 * boolean canSee(Principal user, @ChannelVariable("orderId") long id) { ... }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChannelVariable {

  /** The placeholder's name; the parameter's name when empty (compile with {@code -parameters}). */
  String value() default "";
}

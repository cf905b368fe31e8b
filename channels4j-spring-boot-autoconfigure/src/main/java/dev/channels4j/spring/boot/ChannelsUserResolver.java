package dev.channels4j.spring.boot;

import dev.channels4j.auth.UserData;
import java.security.Principal;

/**
 * Says who a signed-in user is for {@code POST /pusher/user-auth} (pusher-js
 * {@code pusher.signin()}): the user id, the user info other connections see, and the watchlist.
 * Without such a bean the user id is the principal's name and there is no user info.
 *
 * <pre>{@code
 * @Bean
 * ChannelsUserResolver users(UserRepository repository) {
 *   return principal -> {
 *     User user = repository.byLogin(principal.getName());
 *     return UserData.of(user.id()).info(Map.of("name", user.displayName())).watchlist(user.friendIds());
 *   };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ChannelsUserResolver {

  /**
   * The user data to sign for this authenticated principal (never null), or null to refuse the
   * sign-in (403).
   */
  UserData resolve(Principal principal);
}

package dev.channels4j.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds the channels4j client and the auth and webhook endpoints to a test slice, which otherwise
 * leaves them out: {@code @WebMvcTest} or {@code @WebFluxTest} then answers {@code /pusher/auth},
 * {@code /pusher/user-auth} and {@code /pusher/webhooks} with the application's
 * {@link ChannelAuthorization} rules (beans the slice includes, or ones the test imports). The
 * client is built from the {@code channels4j.*} properties as in the application.
 *
 * <pre>{@code
 * @WebMvcTest(OrdersController.class)
 * @AutoConfigureChannelsEndpoints
 * @Import(OrderChannels.class)
 * class OrderChannelsTest {
 *   @Autowired MockMvc mvc;
 *
 *   @Test
 *   @WithMockUser("alice")
 *   void theOwnerMaySubscribe() throws Exception {
 *     mvc.perform(post("/pusher/auth").with(csrf())
 *             .param("socket_id", "1.1").param("channel_name", "private-orders.alice"))
 *         .andExpect(status().isOk());
 *   }
 * }
 * }</pre>
 *
 * <p>The classes imported are listed in
 * {@code META-INF/spring/dev.channels4j.spring.boot.AutoConfigureChannelsEndpoints.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureChannelsEndpoints {}

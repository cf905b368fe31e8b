package dev.channels4j.spring.boot.autoconfigure.slice;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.channels4j.spring.boot.AutoConfigureChannelsEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(properties = "channels4j.url=http://app-key:app-secret@127.0.0.1:9/apps/1")
@AutoConfigureChannelsEndpoints
@Import(SliceTestApp.Rules.class)
class WebMvcSliceTest {

  @Autowired
  MockMvc mvc;

  @Test
  @WithMockUser("alice")
  void theAuthEndpointAnswersInAWebMvcSlice() throws Exception {
    mvc.perform(post("/pusher/auth").with(csrf()).param("socket_id", "1.1").param("channel_name", "private-orders.alice"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("\"auth\":\"app-key:")));
  }

  @Test
  @WithMockUser("bob")
  void theRulesOfTheSliceDecide() throws Exception {
    mvc.perform(post("/pusher/auth").with(csrf()).param("socket_id", "1.1").param("channel_name", "private-orders.alice"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theWebhookEndpointAnswersInAWebMvcSlice() throws Exception {
    mvc.perform(post("/pusher/webhooks").content("{}")).andExpect(status().isUnauthorized());
  }
}

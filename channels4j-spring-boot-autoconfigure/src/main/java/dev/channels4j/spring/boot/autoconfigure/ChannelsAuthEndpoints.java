package dev.channels4j.spring.boot.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The servlet adapter of {@code POST /pusher/auth} and {@code POST /pusher/user-auth}: reads
 * pusher-js's form parameters and the request's principal, and answers what {@link AuthAnswers}
 * decides, on the request thread.
 */
@Controller
final class ChannelsAuthEndpoints {
  private final AuthAnswers answers;

  ChannelsAuthEndpoints(AuthAnswers answers) {
    this.answers = answers;
  }

  @PostMapping(path = "${channels4j.auth.channel-path:/pusher/auth}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<String> authorizeChannel(HttpServletRequest request) {
    return entity(answers.authorizeChannel(
        request.getParameter("socket_id"), request.getParameter("channel_name"), request.getUserPrincipal()));
  }

  @PostMapping(path = "${channels4j.auth.user-path:/pusher/user-auth}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<String> authenticateUser(HttpServletRequest request) {
    return entity(answers.authenticateUser(request.getParameter("socket_id"), request.getUserPrincipal()));
  }

  static ResponseEntity<String> entity(JsonAnswer answer) {
    return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
  }
}

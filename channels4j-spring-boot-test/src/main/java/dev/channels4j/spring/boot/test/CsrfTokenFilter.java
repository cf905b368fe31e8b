package dev.channels4j.spring.boot.test;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Test-only: hands a {@link LocalChannels} subscriber the CSRF token of the application's own
 * Spring Security set-up, as a page of the application would hand it to pusher-js. Registered only
 * in {@code @AutoConfigureLocalChannels} tests, after Spring Security's filter chain, at
 * {@link #PATH}: the request has passed the application's security as the subscriber (with the
 * test's headers), Spring Security's {@code CsrfFilter} has put the {@link CsrfToken} it expects
 * into the request, and reading it saves it with the application's own {@code CsrfTokenRepository}
 * (a session, or the {@code XSRF-TOKEN} cookie). The subscriber then sends the token and the cookies
 * on its auth requests, like a browser. The application's CSRF protection stays on.
 */
final class CsrfTokenFilter implements Filter, Ordered {
  static final String PATH = "/channels4j-test/csrf-token";
  static final String HEADER_NAME = "X-Channels4j-Csrf-Header";
  static final String TOKEN = "X-Channels4j-Csrf-Token";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
        || !PATH.equals(http.getRequestURI().substring(http.getContextPath().length()))) {
      chain.doFilter(request, response);
      return;
    }
    Object attribute = http.getAttribute(CsrfToken.class.getName());
    if (attribute instanceof CsrfToken token) {
      String value = token.getToken();  // loads (and saves) the token before the answer is committed
      answer.setHeader(HEADER_NAME, token.getHeaderName());
      answer.setHeader(TOKEN, value);
      answer.setHeader("Cache-Control", "no-store");
      answer.setStatus(HttpServletResponse.SC_OK);
    } else {
      answer.setStatus(HttpServletResponse.SC_NO_CONTENT);  // no CSRF protection: nothing to send
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

package dev.channels4j.internal.transport;

import java.io.IOException;
import org.apache.hc.core5.util.VersionInfo;

/**
 * Turns what HttpClient throws on the caller's thread into an {@link IOException} that says what
 * to fix. A {@link LinkageError} there almost always means httpclient5 and httpcore5 jars of
 * different lines: a build's dependency management (Spring Boot's BOM, say) can pin httpcore5
 * below the version httpclient5 was built on, and the first pooled request then fails.
 */
final class HttpComponentsVersions {
  private HttpComponentsVersions() {}

  static IOException explain(Throwable thrown) {
    if (thrown instanceof LinkageError) {
      return new IOException("HttpClient failed with " + thrown + ": the jars on the class path do not fit"
          + " together (" + describe() + "). A dependency management (such as an imported BOM) may pin"
          + " httpcore5 below what httpclient5 needs: use the httpcore5 and httpcore5-h2 versions that"
          + " your httpclient5 version depends on.", thrown);
    }
    return new IOException("HttpClient refused the request: " + thrown, thrown);
  }

  /** "httpclient5 5.6.5, httpcore5 5.3.6", as far as the jars say. */
  static String describe() {
    return "httpclient5 " + release("org.apache.hc.client5") + ", httpcore5 " + release("org.apache.hc.core5");
  }

  private static String release(String pkg) {
    try {
      VersionInfo info = VersionInfo.loadVersionInfo(pkg, HttpComponentsVersions.class.getClassLoader());
      return info == null ? "unknown" : info.getRelease();
    } catch (RuntimeException | LinkageError e) {
      return "unknown";
    }
  }
}

package dev.channels4j.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, from the build. */
public final class Version {
  public static final String VERSION = load("version");
  /** The Bouncy Castle version this build was tested with: the one to name when it is missing. */
  public static final String BOUNCY_CASTLE = load("bouncycastle.version");

  private Version() {}

  private static String load(String key) {
    try (InputStream in = Version.class.getResourceAsStream("/dev/channels4j/internal/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

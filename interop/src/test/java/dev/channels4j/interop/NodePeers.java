package dev.channels4j.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the Node peers live: the {@code interop/} folder of the repository, with the packages that
 * its {@code package-lock.json} pins installed by {@code npm ci}.
 *
 * <p>A missing install fails the tests with the command to run; it never skips them, so CI cannot
 * pass without having talked to the real peers.
 */
final class NodePeers {
  private static final List<String> PACKAGES = List.of("@soketi/soketi", "pusher-js", "pusher", "uWebSockets.js");

  private NodePeers() {}

  /** The interop folder, checked to hold installed packages. */
  static Path installedDirectory() {
    Path dir = Path.of(System.getProperty("channels4j.interop.dir", ".")).toAbsolutePath().normalize();
    for (String name : PACKAGES) {
      if (!Files.isDirectory(dir.resolve("node_modules").resolve(name))) {
        throw new IllegalStateException(
            "the Node peers are not installed (" + dir.resolve("node_modules").resolve(name) + " is missing): run"
                + " `npm ci --prefix interop` from the repository root, then run the tests again");
      }
    }
    return dir;
  }

  /** The script in {@code interop/scripts}. */
  static Path script(String fileName) {
    return installedDirectory().resolve("scripts").resolve(fileName);
  }

  /** The node executable: {@code -Dchannels4j.node=...}, else {@code node} from the PATH. */
  static String nodeExecutable() {
    return System.getProperty("channels4j.node", "node");
  }

  /** A folder for the peers' logs, kept after the run for diagnosis. */
  static Path logDirectory() {
    Path dir = Path.of(System.getProperty("channels4j.interop.logs", "target/interop-logs")).toAbsolutePath();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the log folder " + dir, e);
    }
  }
}

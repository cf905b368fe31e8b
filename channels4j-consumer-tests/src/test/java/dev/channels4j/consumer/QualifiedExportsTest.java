package dev.channels4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's internal packages are exported only to our own modules, and each to every one of our
 * modules whose main code imports it. The build runs everything on the class path, where a missing qualified
 * export goes unnoticed; on a user's module path it would be an IllegalAccessError.
 */
class QualifiedExportsTest {
  private static final Path ROOT = Path.of(System.getProperty("channels4j.root", ".."));
  private static final Pattern EXPORT = Pattern.compile("exports\\s+([\\w.]+)(?:\\s+to\\s+([\\w.,\\s]+))?;");
  private static final Pattern INTERNAL_IMPORT = Pattern.compile("import\\s+(dev\\.channels4j\\.internal(?:\\.\\w+)*)\\.[A-Z]\\w*;");
  /** Our modules and their names; a folder that does not exist (yet) is skipped. */
  private static final Map<String, String> MODULES = Map.of(
      "channels4j-local", "dev.channels4j.local",
      "channels4j-protocol", "dev.channels4j.protocol",
      "channels4j-testkit", "dev.channels4j.testkit",
      "channels4j-cli", "dev.channels4j.cli",
      "channels4j-spring-boot-autoconfigure", "dev.channels4j.spring.boot.autoconfigure",
      "channels4j-spring-boot-test", "dev.channels4j.spring.boot.test");

  private static Map<String, Set<String>> exports() throws IOException {
    String descriptor = Files.readString(ROOT.resolve("channels4j-core/src/main/java/module-info.java"))
        .replaceAll("//[^\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    Map<String, Set<String>> exports = new HashMap<>();
    Matcher matcher = EXPORT.matcher(descriptor);
    while (matcher.find()) {
      Set<String> targets = new TreeSet<>();
      if (matcher.group(2) != null) {
        for (String target : matcher.group(2).split(",")) {
          targets.add(target.trim());
        }
      }
      exports.put(matcher.group(1), targets);
    }
    return exports;
  }

  private static Set<String> internalImports(Path module) {
    Path sources = module.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      return Set.of();
    }
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
        try {
          Matcher matcher = INTERNAL_IMPORT.matcher(Files.readString(file));
          while (matcher.find()) {
            packages.add(matcher.group(1));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return packages;
  }

  @Test
  void publicPackagesAreExportedToAll() throws IOException {
    Map<String, Set<String>> exports = exports();
    for (String api : new String[] {"dev.channels4j", "dev.channels4j.auth", "dev.channels4j.webhook", "dev.channels4j.spi"}) {
      assertThat(exports).as("exports of " + api).containsEntry(api, Set.of());
    }
  }

  @Test
  void internalPackagesAreExportedOnlyToOurModules() throws IOException {
    exports().forEach((pkg, targets) -> {
      if (pkg.startsWith("dev.channels4j.internal")) {
        assertThat(targets).as("modules " + pkg + " is exported to").isNotEmpty()
            .allMatch(target -> target.startsWith("dev.channels4j."));
      }
    });
  }

  @Test
  void everyInternalPackageOurModulesImportIsExportedToThem() throws IOException {
    Map<String, Set<String>> exports = exports();
    Set<String> checked = new HashSet<>();
    MODULES.forEach((folder, module) -> {
      for (String pkg : internalImports(ROOT.resolve(folder))) {
        checked.add(pkg);
        assertThat(exports.getOrDefault(pkg, Set.of()))
            .as(folder + " imports " + pkg + ": core's module-info.java needs 'exports " + pkg + " to " + module + ";'")
            .contains(module);
      }
    });
    assertThat(checked).as("internal packages imported by our modules").isNotEmpty();
  }
}

package dev.channels4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The jar channels4j-local's {@code package} builds is the published artifact: Jetty inside it, relocated, so that it
 * never meets the Jetty of the application that uses the server (Spring Boot 3.5 manages Jetty
 * 12.0; this server needs 12.1). The consumer projects of channels4j-consumer-tests run it next to
 * both Jetty lines. (Here rather than in channels4j-local, whose tests live in channels4j-testkit.)
 */
class ShadedLocalJarTest {
  private static final Path JAR = Path.of(System.getProperty("channels4j.localJar"));
  private static final Path REDUCED_POM = JAR.resolveSibling("dependency-reduced-pom.xml");

  private static List<String> entries() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return jar.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void carriesNoClassUnderJettysOwnPackage() throws IOException {
    assertThat(entries()).noneMatch(name -> name.startsWith("org/eclipse/jetty/"));
  }

  @Test
  void carriesJettyRelocatedUnderInternal() throws IOException {
    assertThat(entries())
        .contains("dev/channels4j/local/internal/jetty/server/Server.class")
        .contains("dev/channels4j/local/internal/jetty/websocket/server/WebSocketUpgradeHandler.class");
  }

  @Test
  void serviceFilesNameTheRelocatedClasses() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> services = jar.stream().map(ZipEntry::getName)
          .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/")).toList();
      assertThat(services).isNotEmpty().allMatch(name -> !name.contains("org.eclipse.jetty"));
      for (String service : services) {
        String text = new String(jar.getInputStream(jar.getEntry(service)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).as(service).doesNotContain("org.eclipse.jetty");
      }
    }
  }

  @Test
  void hasNoModuleDescriptorOfJettys() throws IOException {
    assertThat(entries()).noneMatch(name -> name.endsWith("module-info.class"));
  }

  @Test
  void namesItsAutomaticModule() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("dev.channels4j.local");
    }
  }

  @Test
  void publishedPomDependsOnNoJetty() throws IOException {
    String pom = Files.readString(REDUCED_POM, StandardCharsets.UTF_8);
    // The plugin configuration below <build> names Jetty too; only the dependencies count.
    String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
    assertThat(dependencies).contains("<artifactId>channels4j-core</artifactId>").doesNotContain("org.eclipse.jetty");
  }
}

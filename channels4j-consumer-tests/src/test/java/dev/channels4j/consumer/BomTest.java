package dev.channels4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * channels4j-bom manages the dev.channels4j artifacts and nothing else (issue 10: a BOM that
 * inherited the parent's dependencyManagement moved an application's Jackson and JUnit). The BOM
 * has no parent and imports nothing, so its own file is its effective dependencyManagement.
 */
class BomTest {
  private static final Path ROOT = Path.of(System.getProperty("channels4j.root", ".."));
  private static final List<String> PUBLISHED =
      List.of("channels4j-core", "channels4j-protocol", "channels4j-local", "channels4j-testkit", "channels4j-cli");

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }

  private static List<Element> managed() throws Exception {
    Element root = read(ROOT.resolve("channels4j-bom/pom.xml")).getDocumentElement();
    Element dependencies = child(child(root, "dependencyManagement"), "dependencies");
    List<Element> managed = new ArrayList<>();
    for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        managed.add(element);
      }
    }
    return managed;
  }

  @Test
  void hasNoParentSoItInheritsNoDependencyManagement() throws Exception {
    Element root = read(ROOT.resolve("channels4j-bom/pom.xml")).getDocumentElement();
    assertThat(child(root, "parent")).as("<parent> of channels4j-bom").isNull();
    assertThat(child(root, "dependencies")).as("<dependencies> of channels4j-bom").isNull();
  }

  @Test
  void managesOnlyDevChannels4jArtifacts() throws Exception {
    assertThat(managed()).isNotEmpty().allSatisfy(dependency -> {
      assertThat(text(dependency, "groupId")).as("groupId of %s", text(dependency, "artifactId"))
          .isEqualTo("dev.channels4j");
      assertThat(text(dependency, "scope")).as("scope of %s (an import would manage its content too)",
          text(dependency, "artifactId")).isNull();
    });
  }

  @Test
  void managesEveryPublishedModuleThatExists() throws Exception {
    List<String> artifacts = managed().stream().map(dependency -> text(dependency, "artifactId")).toList();
    assertThat(artifacts).containsAll(PUBLISHED);
    for (String artifact : artifacts) {
      assertThat(ROOT.resolve(artifact).resolve("pom.xml")).as("module of managed artifact " + artifact).exists();
    }
    if (Files.exists(ROOT.resolve("channels4j-spring-boot-starter"))) {
      assertThat(artifacts).contains("channels4j-spring-boot-starter", "channels4j-spring-boot-autoconfigure");
    }
  }

  @Test
  void versionsMatchTheBuild() throws Exception {
    String buildVersion = text(read(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
    Element bom = read(ROOT.resolve("channels4j-bom/pom.xml")).getDocumentElement();
    assertThat(text(bom, "version")).isEqualTo(buildVersion);
    assertThat(managed()).allSatisfy(dependency ->
        assertThat(text(dependency, "version")).as("version of %s", text(dependency, "artifactId"))
            .isEqualTo(buildVersion));
  }
}

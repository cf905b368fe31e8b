package dev.channels4j.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownExamplesTest {
  private static final Path FILE = Path.of("README.md");

  @Test
  void findsJavaBlocksWithTheirFirstCodeLine() {
    List<JavaExample> examples =
        MarkdownExamples.parse(FILE, List.of("# Title", "", "```java", "int x = 1;", "```"));

    assertThat(examples).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("int x = 1;\n");
      assertThat(e.line()).isEqualTo(4);
    });
  }

  @Test
  void ignoresBlocksInOtherLanguages() {
    List<JavaExample> examples =
        MarkdownExamples.parse(FILE, List.of("```sh", "./mvnw verify", "```", "```xml", "<a/>", "```"));

    assertThat(examples).isEmpty();
  }

  @Test
  void attachesAContextCommentToTheNextJavaBlockOnly() {
    List<JavaExample> examples =
        MarkdownExamples.parse(
            FILE,
            List.of(
                "<!-- java-context: String socketId; import java.io.File -->",
                "```java", "a();", "```",
                "```java", "b();", "```"));

    assertThat(examples.get(0).context()).containsExactly("String socketId", "import java.io.File");
    assertThat(examples.get(1).context()).isEmpty();
  }

  @Test
  void readsAContextCommentSpanningLines() {
    List<JavaExample> examples =
        MarkdownExamples.parse(
            FILE, List.of("<!-- java-context:", "String socketId", "Object order -->", "```java", "a();", "```"));

    assertThat(examples.get(0).context()).containsExactly("String socketId", "Object order");
  }

  @Test
  void keepsAStandInTypeWhole() {
    List<JavaExample> examples =
        MarkdownExamples.parse(
            FILE,
            List.of(
                "<!-- java-context: Object order; interface Orders {",
                "  Object save(Object order); } -->", "```java", "a();", "```"));

    assertThat(examples.get(0).context())
        .containsExactly("Object order", "interface Orders {   Object save(Object order); }");
  }

  @Test
  void closesABlockWithoutALanguageAtItsFence() {
    List<JavaExample> examples =
        MarkdownExamples.parse(FILE, List.of("```", "./mvnw verify", "```", "```java", "a();", "```"));

    assertThat(examples).singleElement().extracting(JavaExample::code).isEqualTo("a();\n");
  }

  @Test
  void refusesAnUnclosedBlock() {
    assertThatThrownBy(() -> MarkdownExamples.parse(FILE, List.of("```java", "a();")))
        .hasMessageContaining("README.md:1: code block is never closed");
  }
}

package dev.channels4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code ```java} block of the READMEs compiles, so no example can rot. */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of(System.getProperty("channels4j.docs.root", "..")).normalize();

  @TempDir Path classes;

  @TestFactory
  Stream<DynamicTest> everyReadmeJavaBlockCompiles() {
    List<DynamicTest> tests = new ArrayList<>();
    ExampleCompiler compiler = new ExampleCompiler(classes);
    int index = 0;
    for (Path readme : MarkdownExamples.readmes(ROOT)) {
      for (JavaExample example : MarkdownExamples.read(readme)) {
        String className = "ReadmeExample" + index++;
        String name = ROOT.relativize(readme.toAbsolutePath().normalize()) + ":" + example.line();
        tests.add(
            DynamicTest.dynamicTest(
                name, () -> assertThat(compiler.errors(example, className)).as(name).isEmpty()));
      }
    }
    return tests.stream();
  }

  @Test
  void rootReadmeHasJavaExamples() {
    assertThat(MarkdownExamples.read(ROOT.resolve("README.md"))).hasSizeGreaterThanOrEqualTo(3);
  }
}

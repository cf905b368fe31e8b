package dev.channels4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCompilerTest {
  private static final Path FILE = Path.of("README.md");

  @TempDir Path classes;

  @Test
  void compilesASnippetUsingItsDeclaredFreeVariables() {
    JavaExample example =
        new JavaExample(FILE, 10, "int length = socketId.length();\n", List.of("String socketId"));

    assertThat(new ExampleCompiler(classes).errors(example, "Snippet")).isEmpty();
  }

  @Test
  void reportsAnErrorAtItsReadmeLine() {
    JavaExample example =
        new JavaExample(FILE, 10, "int a = 1;\nint b = undefinedVariable;\n", List.of());

    assertThat(new ExampleCompiler(classes).errors(example, "Snippet"))
        .singleElement()
        .asString()
        .startsWith("README.md:11: ")
        .contains("undefinedVariable");
  }

  @Test
  void compilesABlockDeclaringATypeAsASourceFile() {
    JavaExample example =
        new JavaExample(
            FILE, 1, "import java.io.File;\n\nclass Orders {\n  File file() { return null; }\n}\n", List.of());

    assertThat(new ExampleCompiler(classes).errors(example, "Unused")).isEmpty();
  }

  @Test
  void compilesABlockUsingAStandInTypeOfTheReadersApplication() {
    JavaExample example =
        new JavaExample(
            FILE, 1, "class OrdersTest {\n  void test() { new OrderService().create(); }\n}\n",
            List.of("class OrderService { void create() {} }"));

    assertThat(new ExampleCompiler(classes).errors(example, "Unused")).isEmpty();
  }

  @Test
  void compilesASnippetUsingAStandInType() {
    JavaExample example =
        new JavaExample(
            FILE, 1, "new OrderService(client).create();\n",
            List.of("ChannelsClient client", "class OrderService { OrderService(ChannelsClient c) {} void create() {} }"));

    assertThat(new ExampleCompiler(classes).errors(example, "Snippet")).isEmpty();
  }

  @Test
  void compilesAgainstTheLibrary() {
    JavaExample example =
        new JavaExample(FILE, 1, "ChannelsClient client = ChannelsClient.fromUrl(url);\n", List.of("String url"));

    assertThat(new ExampleCompiler(classes).errors(example, "Snippet")).isEmpty();
  }
}

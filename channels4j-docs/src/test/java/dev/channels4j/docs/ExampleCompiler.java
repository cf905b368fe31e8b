package dev.channels4j.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a README's Java block against this module's test class path. A block that declares a
 * top-level type is compiled as a source file; any other block becomes the body of a method whose
 * parameters are the free variables its {@code java-context} comment declares.
 */
final class ExampleCompiler {
  /** Packages a README may use without importing them, when they are on the class path. */
  private static final List<String> DEFAULT_IMPORTS =
      List.of(
          "dev.channels4j",
          "dev.channels4j.auth",
          "dev.channels4j.webhook",
          "dev.channels4j.spi",
          "dev.channels4j.local",
          "dev.channels4j.testkit",
          "java.util",
          "java.util.concurrent",
          "java.time",
          "java.nio.charset",
          "org.junit.jupiter.api");

  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "^(?:(?:public|final|abstract|sealed)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)",
          Pattern.MULTILINE);

  /** A context entry declaring a stand-in for a type of the reader's application. */
  private static final Pattern STUB_TYPE = Pattern.compile("^(?:class|interface|record|enum)\\s");

  private final Path outputDir;

  ExampleCompiler(Path outputDir) {
    this.outputDir = outputDir;
  }

  /** The compiler's errors, with README line numbers; empty when the block compiles. */
  List<String> errors(JavaExample example, String className) {
    Source source = source(example, className);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Files.createDirectories(outputDir);
      List<String> options =
          List.of(
              "-classpath", System.getProperty("java.class.path"),
              "-d", outputDir.toString(),
              "-proc:none",
              "--release", "17",
              "-Xlint:none");
      compiler.getTask(null, files, diagnostics, options, null, List.of(source.file())).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        long readmeLine = example.line() + diagnostic.getLineNumber() - source.firstCodeLine();
        errors.add(
            example.file().getFileName() + ":" + readmeLine + ": "
                + diagnostic.getMessage(Locale.ROOT).replaceAll("\\s*\n\\s*", "; "));
      }
    }
    return errors;
  }

  private record Source(JavaFileObject file, long firstCodeLine) {}

  private static Source source(JavaExample example, String className) {
    StringBuilder header = new StringBuilder();
    for (String pkg : DEFAULT_IMPORTS) {
      if (packageOnClassPath(pkg)) {
        header.append("import ").append(pkg).append(".*; ");
      }
    }
    header.append("import static org.assertj.core.api.Assertions.*; ");
    List<String> parameters = new ArrayList<>();
    StringBuilder stubs = new StringBuilder();
    for (String entry : example.context()) {
      if (entry.startsWith("import ")) {
        header.append(entry).append("; ");
      } else if (STUB_TYPE.matcher(entry).find()) {
        stubs.append(entry).append(' ');
      } else {
        parameters.add(entry);
      }
    }
    StringBuilder body = new StringBuilder();
    for (String line : example.code().split("\n", -1)) {
      // A block's own imports must precede every declaration; keep its line count unchanged.
      if (line.startsWith("import ")) {
        header.append(line).append(' ');
        body.append("\n");
      } else {
        body.append(line).append('\n');
      }
    }
    Matcher type = TOP_LEVEL_TYPE.matcher(body);
    String fileName;
    String text;
    long firstCodeLine;
    if (type.find()) {
      fileName = type.group(1);
      text = header + "\n" + body + stubs;
      firstCodeLine = 2;
    } else {
      firstCodeLine = 3;
      fileName = className;
      text =
          header
              + "\nclass " + className + " { void example(" + String.join(", ", parameters)
              + ") throws Exception {\n" + body + "\n}}\n" + stubs;
    }
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///" + fileName + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }
        };
    return new Source(file, firstCodeLine);
  }

  private static boolean packageOnClassPath(String pkg) {
    if (pkg.startsWith("java.")) {
      return true;
    }
    return Thread.currentThread().getContextClassLoader().getResource(pkg.replace('.', '/')) != null;
  }
}

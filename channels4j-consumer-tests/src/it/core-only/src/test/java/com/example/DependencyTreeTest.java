package com.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mvn dependency:tree of this project (written by the invoker run before the tests) and the class path. */
class DependencyTreeTest {
  private static final List<String> UNWANTED = List.of("org.bouncycastle", "info.picocli", "org.eclipse.jetty");

  @Test
  void runtimeTreeHasOnlyHttpClientJacksonAndSlf4j() throws Exception {
    String tree = Files.readString(Path.of("target", "runtime-tree.txt"));
    assertTrue(tree.contains("dev.channels4j:channels4j-core:jar:"), tree);
    for (String unwanted : UNWANTED) {
      assertFalse(tree.contains(unwanted), unwanted + " in\n" + tree);
    }
    for (String line : tree.lines().skip(1).toList()) {
      String coordinates = line.replaceAll("^[| +\\\\-]*", "");
      assertTrue(coordinates.startsWith("dev.channels4j:") || coordinates.startsWith("org.apache.httpcomponents")
          || coordinates.startsWith("com.fasterxml.jackson") || coordinates.startsWith("org.slf4j:slf4j-api"),
          "unexpected runtime dependency " + coordinates + " in\n" + tree);
    }
  }

  @Test
  void testClassPathHasNoneOfThemEither() {
    String classPath = System.getProperty("java.class.path");
    for (String unwanted : List.of("bcprov", "picocli", "jetty")) {
      assertFalse(classPath.contains(unwanted), unwanted + " on " + classPath);
    }
  }
}

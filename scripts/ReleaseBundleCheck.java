import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Checks a staged release (a Maven repository layout) against what Maven Central requires, and names
 * every problem found. Run by scripts/release; needs only a JDK (a single-file source program):
 *
 * <pre>java scripts/ReleaseBundleCheck.java target/staging-deploy dev.channels4j 1.0.0 channels4j-parent:pom channels4j-core:jar ...</pre>
 *
 * For each artifact: the POM, and for a jar module the jar, sources jar, Javadoc jar and CycloneDX SBOM;
 * for every file an .asc, .md5 and .sha1 (the checksums must match; signatures need none;
 * scripts/release verifies the signatures with gpg); in every POM a name and description of its own, and a url, license, developer
 * and scm, either its own or its parent's (Central accepts inherited metadata). Anything staged
 * that is not on the list is an error too: an unpublished module that forgot maven.deploy.skip.
 * Exit status 0 if the bundle is complete, 1 with one line per problem if not.
 */
public class ReleaseBundleCheck {

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: ReleaseBundleCheck STAGING_DIR GROUP_ID VERSION ARTIFACT:PACKAGING...");
      System.exit(2);
    }
    Path staging = Path.of(args[0]);
    String groupId = args[1];
    String version = args[2];
    Path groupDir = staging.resolve(groupId.replace('.', '/'));
    List<String> problems = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    String parentId = null;
    for (int i = 3; i < args.length; i++) {
      String[] spec = args[i].split(":");
      String artifactId = spec[0];
      String packaging = spec[1];
      expected.add(artifactId);
      Path dir = groupDir.resolve(artifactId).resolve(version);
      String base = artifactId + "-" + version;
      List<String> required = new ArrayList<>(List.of(base + ".pom"));
      if (packaging.equals("jar")) {
        required.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar",
            base + "-cyclonedx.json"));
      }
      for (String file : required) {
        if (!Files.isRegularFile(dir.resolve(file))) {
          problems.add(artifactId + ": missing " + file);
        }
      }
      if (Files.isDirectory(dir)) {
        checkFiles(artifactId, dir, problems);
      }
      Path pom = dir.resolve(base + ".pom");
      if (Files.isRegularFile(pom)) {
        if (parentId == null && packaging.equals("pom") && artifactId.endsWith("-parent")) {
          parentId = artifactId;
        }
        checkPom(artifactId, pom, groupDir, version, problems);
      }
    }
    if (Files.isDirectory(groupDir)) {
      try (Stream<Path> staged = Files.list(groupDir)) {
        for (Path p : staged.collect(Collectors.toList())) {
          String name = p.getFileName().toString();
          if (!expected.contains(name)) {
            problems.add(name + ": staged but not in the list of published artifacts "
                + "(set maven.deploy.skip in its pom, or add it to the BOM)");
          }
        }
      }
    } else {
      problems.add("nothing staged under " + groupDir);
    }
    if (problems.isEmpty()) {
      System.out.println("Bundle complete: " + expected.size() + " artifacts at " + version
          + ", every file signed and checksummed, every POM with Central's metadata.");
      return;
    }
    problems.forEach(p -> System.err.println("MISSING: " + p));
    System.exit(1);
  }

  /** Every content file has .asc, .md5 and .sha1 next to it, and the checksums match its bytes. */
  private static void checkFiles(String artifactId, Path dir, List<String> problems) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".md5") || name.endsWith(".sha1") || name.endsWith(".sha256")
          || name.endsWith(".sha512") || name.startsWith("maven-metadata")) {
        continue;
      }
      if (!name.endsWith(".asc") && !Files.isRegularFile(dir.resolve(name + ".asc"))) {
        problems.add(artifactId + ": missing " + name + ".asc (OpenPGP signature)");
      }
      // Central wants no checksums of signatures (Maven's deployer writes none).
      if (!name.endsWith(".asc")) {
        checksum(artifactId, file, "MD5", ".md5", problems);
        checksum(artifactId, file, "SHA-1", ".sha1", problems);
      }
    }
  }

  private static void checksum(String artifactId, Path file, String algorithm, String suffix,
      List<String> problems) throws Exception {
    Path sum = file.resolveSibling(file.getFileName() + suffix);
    if (!Files.isRegularFile(sum)) {
      problems.add(artifactId + ": missing " + sum.getFileName());
      return;
    }
    String want = HexFormat.of().formatHex(
        MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
    String have = Files.readString(sum).trim().split("\\s+")[0].toLowerCase();
    if (!want.equals(have)) {
      problems.add(artifactId + ": " + sum.getFileName() + " does not match the file's " + algorithm);
    }
  }

  /** Name and description of its own; url, license, developer, scm its own or its parent's. */
  private static void checkPom(String artifactId, Path pom, Path groupDir, String version,
      List<String> problems) throws Exception {
    Document own;
    try {
      own = parse(pom);
    } catch (org.xml.sax.SAXException e) {
      problems.add(artifactId + ": POM is not well-formed XML: " + e.getMessage());
      return;
    }
    Document parent = null;
    String parentArtifact = text(own, "/project/parent/artifactId");
    if (!parentArtifact.isEmpty()) {
      Path parentPom = groupDir.resolve(parentArtifact).resolve(version)
          .resolve(parentArtifact + "-" + version + ".pom");
      if (Files.isRegularFile(parentPom)) {
        parent = parse(parentPom);
      } else {
        problems.add(artifactId + ": its parent " + parentArtifact + " is not staged");
      }
    }
    for (String field : List.of("name", "description")) {
      if (text(own, "/project/" + field).isBlank()) {
        problems.add(artifactId + ": POM has no <" + field + "> of its own");
      }
    }
    if (!text(own, "/project/version").isEmpty() && !text(own, "/project/version").equals(version)) {
      problems.add(artifactId + ": POM version " + text(own, "/project/version") + ", expected " + version);
    }
    if (text(own, "/project/version").contains("SNAPSHOT")
        || text(own, "/project/parent/version").contains("SNAPSHOT")) {
      problems.add(artifactId + ": POM refers to a SNAPSHOT version");
    }
    for (String path : List.of("url", "licenses/license/name", "licenses/license/url",
        "developers/developer/name", "scm/url", "scm/connection")) {
      String value = text(own, "/project/" + path);
      if (value.isBlank() && parent != null) {
        value = text(parent, "/project/" + path);
      }
      if (value.isBlank()) {
        problems.add(artifactId + ": POM has no <" + path.replace("/", "><") + "> (nor its parent)");
      }
    }
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(pom.toFile());
  }

  private static String text(Document doc, String path) throws Exception {
    // Namespace-blind: POMs use the Maven namespace as the default one.
    String xpath = path.replaceAll("/([a-zA-Z]+)", "/*[local-name()='$1']");
    Node node = (Node) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODE);
    return node == null ? "" : node.getTextContent().trim();
  }

  private ReleaseBundleCheck() {}
}

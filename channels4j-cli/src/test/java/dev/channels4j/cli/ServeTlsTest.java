package dev.channels4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.local.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --tls} and {@code --tls-cert/--tls-key}. */
class ServeTlsTest {
  @Test
  void tlsAloneServesHttpsWithASelfSignedCertificateWrittenAsPem(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(err, true), false);
    Thread serve = new Thread(() -> Main.run(context, "serve", "--port", "0", "--tls", "--tls-dir", dir.toString()));
    serve.start();
    try {
      String url = ServeCommandTest.awaitPusherUrl(out);
      assertThat(url).startsWith("https://");
      Path cert = dir.resolve("channels4j-localhost-cert.pem");
      assertThat(err.toString()).contains(cert.toAbsolutePath().normalize().toString());
      TlsIdentity written = TlsIdentity.fromPem(cert, dir.resolve("channels4j-localhost-key.pem"));
      try (ChannelsClient client = ChannelsClient.builder().url(url)
          .sslContext(written.trustingSslContext().orElseThrow()).build()) {
        assertThat(client.channels().names()).isEmpty();
      }
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
  }

  @Test
  void givenPemFilesAreServed(@TempDir Path dir) throws Exception {
    TlsIdentity identity = TlsIdentity.selfSigned();
    Path cert = dir.resolve("c.pem");
    Path key = dir.resolve("k.pem");
    identity.writePem(cert, key);
    StringWriter out = new StringWriter();
    CliContext context = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
    Thread serve = new Thread(() -> Main.run(context, "serve", "--port", "0", "--tls-cert", cert.toString(),
        "--tls-key", key.toString()));
    serve.start();
    try {
      String url = ServeCommandTest.awaitPusherUrl(out);
      try (ChannelsClient client = ChannelsClient.builder().url(url)
          .sslContext(identity.trustingSslContext().orElseThrow()).build()) {
        assertThat(client.channels().names()).isEmpty();
      }
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
  }

  @Test
  void certificateWithoutKeyIsBadInput(@TempDir Path dir) {
    Cli.Result result = Cli.cli().run("serve", "--port", "0", "--tls-cert", dir.resolve("c.pem").toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains("--tls-cert needs --tls-key");
  }

  @Test
  void missingCertificateFileIsBadInputNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("missing.pem");
    Cli.Result result = Cli.cli().run("serve", "--port", "0", "--tls-cert", missing.toString(),
        "--tls-key", missing.toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.err()).contains(missing.toString());
  }
}

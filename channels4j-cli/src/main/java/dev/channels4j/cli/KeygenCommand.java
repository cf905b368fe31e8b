package dev.channels4j.cli;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = {"Print a new encryption master key for private-encrypted- channels.",
        "32 random bytes, base64: the value of --encryption-master-key."},
    footer = {"", "Example:", "  export PUSHER_ENCRYPTION_MASTER_KEY=$(./channels4j keygen)"})
final class KeygenCommand implements Callable<Integer> {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final CliContext context;

  @Mixin OutputOptions output;

  KeygenCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    String encoded = Base64.getEncoder().encodeToString(key);
    context.out().println(output.json ? CliJson.write(Map.of("encryption_master_key", encoded)) : encoded);
    return ExitCodes.OK;
  }
}

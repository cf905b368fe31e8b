package dev.channels4j.benchmarks;

import dev.channels4j.benchmarks.load.ClientRun;
import dev.channels4j.benchmarks.load.LoadHarness;
import dev.channels4j.benchmarks.load.Sinks;
import java.util.Arrays;

/**
 * The entry point of {@code benchmarks.jar}.
 *
 * <pre>
 * java -jar channels4j-benchmarks/target/benchmarks.jar jmh [JMH options]   # per-operation cost
 * java -jar channels4j-benchmarks/target/benchmarks.jar load [--events N] [--warmup N] [--sinks minimal,local]
 * java -jar channels4j-benchmarks/target/benchmarks.jar distance [--rtt 0,20,80] [--rounds 3] ...    # TLS at distance
 * java -jar channels4j-benchmarks/target/benchmarks.jar fanout [--servers soketi,channels4j-local] [--events N] ...
 * java -jar channels4j-benchmarks/target/benchmarks.jar idle [--servers soketi,channels4j-local] [--connections 10000]
 * java -jar channels4j-benchmarks/target/benchmarks.jar soak [--minutes 10]                 # RELIABILITY.md
 * </pre>
 *
 * <p>{@code sink} and {@code client} are the child processes the load harness starts.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      case "load" -> LoadHarness.main(rest);
      case "sink" -> Sinks.main(rest);
      case "client" -> ClientRun.main(rest);
      case "distance" -> dev.channels4j.benchmarks.load.DistanceHarness.main(rest);
      case "distance-client" -> dev.channels4j.benchmarks.load.DistanceClient.main(rest);
      case "fanout" -> dev.channels4j.benchmarks.fanout.FanOutBenchmark.main(rest);
      case "idle" -> dev.channels4j.benchmarks.fanout.IdleConnections.main(rest);
      case "fanout-server" -> dev.channels4j.benchmarks.fanout.LocalServerMain.main(rest);
      case "attack" -> dev.channels4j.benchmarks.attack.Attacks.main(rest);
      case "soak" -> dev.channels4j.benchmarks.soak.Soak.main(rest);
      default -> {
        System.out.println("usage: benchmarks.jar jmh [JMH options] | load [--events N] [--warmup N] [--sinks minimal,local]"
            + " | distance [--rtt 0,20,80] [--rounds N] [--seconds S]"
            + " | fanout [--servers soketi,channels4j-local] [--subscribers N] [--events N] | idle [--connections N]"
            + " | soak [--minutes M]");
        System.exit(command.equals("help") ? 0 : 2);
      }
    }
  }
}

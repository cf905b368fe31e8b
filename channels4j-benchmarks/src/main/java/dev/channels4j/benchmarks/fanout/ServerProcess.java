package dev.channels4j.benchmarks.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server under test in a child process: its port, and its CPU time and RSS read from /proc. */
final class ServerProcess implements AutoCloseable {
  private static final Pattern SOKETI_PORT = Pattern.compile("\"port\":(\\d+)");
  private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

  final String name;
  final Process process;
  final int port;

  private ServerProcess(String name, Process process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
  }

  static ServerProcess start(String name, Path interop) throws IOException {
    return start(name, interop, List.of("-Xms1g", "-Xmx1g"));
  }

  /** Starts {@code name}; {@code jvmOptions} are the heap options of channels4j-local (ignored for soketi). */
  static ServerProcess start(String name, Path interop, List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    if (name.equals("soketi")) {
      Path script = interop.resolve("scripts/soketi.js");
      if (!Files.exists(interop.resolve("node_modules/@soketi/soketi"))) {
        throw new IllegalStateException("soketi is not installed: run npm ci --prefix " + interop + " --no-audit --no-fund");
      }
      command.add(System.getProperty("channels4j.node", "node"));
      command.add(script.toString());
      command.add("{}");
    } else if (name.equals("channels4j-local")) {
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
      // -Dfanout.jfr=file.jfr records the server with Java Flight Recorder (profiling setting, or the
      // .jfc file -Dfanout.jfc names, e.g. one with lock events of any duration).
      String jfr = System.getProperty("fanout.jfr");
      if (jfr != null) {
        command.add("-XX:StartFlightRecording=settings=" + System.getProperty("fanout.jfc", "profile") + ",filename=" + jfr);
      }
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("dev.channels4j.benchmarks.Main");
      command.add("fanout-server");
    } else {
      throw new IllegalArgumentException("unknown server " + name + ": use soketi or channels4j-local");
    }
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        return new ServerProcess(name, process, Integer.parseInt(line.substring(5).trim()));
      }
      Matcher m = SOKETI_PORT.matcher(line);
      if (line.contains("\"ready\":true") && m.find()) {
        return new ServerProcess(name, process, Integer.parseInt(m.group(1)));
      }
    }
    throw new IllegalStateException(name + " exited before listening");
  }

  /** User + system CPU time of the server process so far, in microseconds. */
  long cpuMicros() {
    try {
      String stat = Files.readString(Paths.get("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1_000_000 / CLOCK_TICKS;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the CPU time of " + name, e);
    }
  }

  /** Resident set size now, in bytes. */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      throw new IllegalStateException("no VmRSS for " + name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the RSS of " + name, e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

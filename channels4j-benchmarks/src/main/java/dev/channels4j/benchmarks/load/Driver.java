package dev.channels4j.benchmarks.load;

/** One way of publishing events: a client library and how it is driven. */
@SuppressWarnings("try")
interface Driver extends AutoCloseable {

  /** Publishes events 0..count-1 and returns when every one of them has completed. */
  void run(int count, Recorder recorder) throws Exception;

  @Override
  void close() throws Exception;
}

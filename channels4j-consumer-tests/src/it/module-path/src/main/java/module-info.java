module com.example.consumer {
  requires dev.channels4j;
  requires dev.channels4j.local;
  requires dev.channels4j.testkit;
  // The test kit is an automatic module, which cannot declare what it needs: its WebSocket client
  // is the JDK's, so the application puts java.net.http in the module graph (README of the test kit).
  requires java.net.http;
}

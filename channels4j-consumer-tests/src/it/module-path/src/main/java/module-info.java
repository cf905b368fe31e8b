module com.example.consumer {
  requires dev.channels4j;
  requires dev.channels4j.local;
}

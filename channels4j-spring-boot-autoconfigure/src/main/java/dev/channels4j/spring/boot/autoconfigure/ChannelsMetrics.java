package dev.channels4j.spring.boot.autoconfigure;

/** Where the starter reports what it observes; Micrometer when present, nothing otherwise. */
interface ChannelsMetrics {
  ChannelsMetrics NONE = new ChannelsMetrics() {
    @Override
    public void request(String operation, String outcome, long nanos) {}

    @Override
    public void auth(String channelType, String verdict) {}

    @Override
    public void webhook(String kind, String verdict) {}
  };

  /** One HTTP request to the Channels API. */
  void request(String operation, String outcome, long nanos);

  /** One answer of the auth endpoints; channelType private, presence, private-encrypted or user. */
  void auth(String channelType, String verdict);

  /** One webhook event (kind = its name) or a refused webhook (kind = none). */
  void webhook(String kind, String verdict);
}

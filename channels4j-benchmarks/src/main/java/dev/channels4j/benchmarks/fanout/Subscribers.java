package dev.channels4j.benchmarks.fanout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket side of the load generator: connections through the JDK's client, each
 * subscribed to one public channel, recording the latency of every event whose data is
 * {@code t=<System.nanoTime() at publish>}. The same code drives every server.
 */
final class Subscribers extends SubscriberSide {
  private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "fanout-subscribers");
    thread.setDaemon(true);
    return thread;
  });
  private final HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10)).build();
  private final List<WebSocket> sockets = new ArrayList<>();

  @Override
  public void open(URI uri, int count, java.util.function.IntFunction<String> channel) throws Exception {
    CountDownLatch subscribed = new CountDownLatch(count);
    List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = channel.apply(i);
      pending.add(http.newWebSocketBuilder().buildAsync(uri, new Listener(name, subscribed)));
      if (pending.size() == 100) {
        for (CompletableFuture<WebSocket> f : pending) {
          sockets.add(f.get(30, TimeUnit.SECONDS));
        }
        pending.clear();
      }
    }
    for (CompletableFuture<WebSocket> f : pending) {
      sockets.add(f.get(30, TimeUnit.SECONDS));
    }
    if (!subscribed.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(subscribed.getCount() + " of " + count + " subscriptions did not succeed");
    }
  }

  @Override
  public int openIdle(URI uri, int max) {
    int opened = 0;
    try {
      while (opened < max) {
        List<CompletableFuture<WebSocket>> batch = new ArrayList<>();
        for (int i = 0; i < 100 && opened + i < max; i++) {
          batch.add(http.newWebSocketBuilder().buildAsync(uri, new Listener(null, null)));
        }
        for (CompletableFuture<WebSocket> f : batch) {
          sockets.add(f.get(30, TimeUnit.SECONDS));
          opened++;
        }
      }
    } catch (Exception e) {
      System.out.println("  connections stopped at " + opened + " more: " + e);
    }
    return opened;
  }

  @Override
  public int open() {
    return sockets.size();
  }

  @Override
  public void close() {
    for (WebSocket socket : sockets) {
      socket.abort();
    }
    sockets.clear();
    executor.shutdownNow();
  }

  private final class Listener implements WebSocket.Listener {
    private final String channel;
    private final CountDownLatch subscribed;
    private final StringBuilder partial = new StringBuilder();

    Listener(String channel, CountDownLatch subscribed) {
      this.channel = channel;
      this.subscribed = subscribed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      if (channel != null) {
        webSocket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}", true);
      }
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      CharSequence message = data;
      if (!last || partial.length() > 0) {
        partial.append(data);
        if (!last) {
          webSocket.request(1);
          return null;
        }
        message = partial.toString();
        partial.setLength(0);
      }
      String text = message.toString();
      int at = text.indexOf("\"data\":\"t=");
      if (at >= 0) {
        int start = at + "\"data\":\"t=".length();
        int end = text.indexOf('"', start);
        long sent = Long.parseLong(text, start, end, 10);
        delivered(sent, now);
      } else if (text.contains("pusher_internal:subscription_succeeded") && subscribed != null) {
        subscribed.countDown();
      } else if (text.contains("pusher:ping")) {
        webSocket.sendText("{\"event\":\"pusher:pong\",\"data\":{}}", true);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      countServerClose();
      return null;
    }
  }
}

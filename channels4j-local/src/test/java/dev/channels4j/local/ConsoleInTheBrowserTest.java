package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The debug console in headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * other paths with {@code -Dchromium.binary} and {@code -Dchromedriver.binary}). Without the
 * browser this test fails; it never skips. Leaves screenshots in target/console-screenshots.
 */
class ConsoleInTheBrowserTest {
  static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final File CHROMEDRIVER = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(15);
  static final Path SHOTS = Path.of("target", "console-screenshots");

  private LocalServer server;
  private WebDriver browser;

  @BeforeEach
  void start() {
    assertThat(CHROMIUM.canExecute()).as("headless Chromium: apt-get install -y chromium chromium-driver").isTrue();
    assertThat(CHROMEDRIVER.canExecute()).as("chromedriver: apt-get install -y chromium-driver").isTrue();
    server = LocalServer.builder().port(0).console(0).clientEvents(true).build().start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--window-size=1280,900");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void watchesASubscriberAndAnEventLiveAndPublishesFromTheForm() throws Exception {
    browser.get(server.consoleUri().orElseThrow().toString());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));

    try (RawWebSocket subscriber = RawWebSocket.connect(server);
         ChannelsClient client = server.newClient()) {
      subscriber.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"orders\"}}");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels tr[data-channel='orders']")));
      assertThat(browser.findElement(By.id("connection-count")).getText()).isEqualTo("1");

      client.trigger("orders", "created", Map.of("id", 42, "item", "a blue teapot"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "a blue teapot"));
      screenshot("console.png");

      browser.findElement(By.name("channel")).sendKeys("orders");
      browser.findElement(By.name("event")).sendKeys("from-the-console");
      browser.findElement(By.name("data")).clear();
      browser.findElement(By.name("data")).sendKeys("{\"hello\":\"browser\"}");
      browser.findElement(By.cssSelector("#event-creator button[type=submit]")).click();

      assertThat(readUntil(subscriber, "from-the-console")).contains("\"channel\":\"orders\"", "browser");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish-result"), "published"));
      screenshot("console-published.png");
    }
  }

  private static String readUntil(RawWebSocket socket, String needle) throws Exception {
    for (int i = 0; i < 20; i++) {
      String text = new String(socket.readFrame().payload(), StandardCharsets.UTF_8);
      if (text.contains(needle)) {
        return text;
      }
    }
    throw new AssertionError("the subscriber received no frame containing " + needle);
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SHOTS);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}

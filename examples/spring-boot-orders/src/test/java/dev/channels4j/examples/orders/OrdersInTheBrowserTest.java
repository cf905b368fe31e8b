package dev.channels4j.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import dev.channels4j.spring.boot.test.LocalChannels;
import java.io.File;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample app in a real browser: headless Chromium (Debian's chromium and chromium-driver),
 * pusher-js served by the app, the local Channels server from @AutoConfigureLocalChannels. Without
 * the browser this test fails; it never skips. One context and two browsers for the whole class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalChannels
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersInTheBrowserTest {
  static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final File CHROMEDRIVER = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(15);

  @LocalServerPort
  int port;

  @Autowired
  LocalChannels channels;

  @Autowired
  PresenceLog presenceLog;

  WebDriver alice;
  WebDriver bob;

  @BeforeAll
  void openBothBrowsers() {
    assertThat(CHROMIUM.canExecute()).as("headless Chromium: apt-get install -y chromium chromium-driver (.ci/run does)").isTrue();
    assertThat(CHROMEDRIVER.canExecute()).as("chromedriver: apt-get install -y chromium-driver (.ci/run does)").isTrue();
    alice = signIn("alice");
    bob = signIn("bob");
  }

  @AfterAll
  void closeBrowsers() {
    for (WebDriver driver : new WebDriver[] {alice, bob}) {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  @Test
  void anOrderCreatedThroughTheApiAppearsLiveOnItsOwnersPage() throws Exception {
    HttpResponse<String> created = api("alice", "/api/orders", "{\"item\":\"a blue teapot\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    new WebDriverWait(alice, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "a blue teapot"));
    assertThat(bob.findElement(By.id("orders")).getText()).doesNotContain("a blue teapot");
  }

  @Test
  void theOtherUserIsShownOnline() {
    new WebDriverWait(alice, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("online-bob")));
    assertThat(alice.findElement(By.id("online")).getText()).contains("alice").contains("bob");
  }

  @Test
  void aUserCannotSubscribeToAnotherUsersOrders() {
    Object outcome = ((JavascriptExecutor) alice).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; trySubscribe('private-orders.bob').then(done);");
    assertThat(outcome).isEqualTo("error:403");
  }

  @Test
  void anAnnouncementIsDecryptedInThePageWhileTheServerSeesOnlyCiphertext() throws Exception {
    assertThat(api("bob", "/api/announcements", "{\"text\":\"lunch at noon\"}").statusCode()).isEqualTo(202);
    new WebDriverWait(alice, WAIT).until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("announcements"), "bob: lunch at noon"));
    assertThat(channels.server().acceptedEvents())
        .filteredOn(event -> event.channel().equals("private-encrypted-announcements"))
        .extracting(AcceptedEvent::data)
        .allSatisfy(data -> assertThat(data).contains("ciphertext").doesNotContain("lunch"));
  }

  @Test
  void theAppHearsThroughWebhooksWhoCameOnline() {
    new WebDriverWait(alice, WAIT).until(driver -> presenceLog.changes().contains("bob came online"));
  }

  // ---- helpers ---------------------------------------------------------------------------

  private WebDriver signIn(String user) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--window-size=1024,768");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    WebDriver driver = new ChromeDriver(service, options);
    try {
      driver.get(base() + "/login");
      driver.findElement(By.name("username")).sendKeys(user);
      driver.findElement(By.name("password")).sendKeys("password");
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      WebDriverWait wait = new WebDriverWait(driver, WAIT);
      // All three subscriptions answered by the app's /pusher/auth.
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-orders", "subscribed"));
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-online", "subscribed"));
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-announcements", "subscribed"));
      return driver;
    } catch (RuntimeException e) {
      driver.quit();
      throw e;
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** An API client: HTTP basic, with the CSRF token of its session as Spring Security asks. */
  private HttpResponse<String> api(String user, String path, String json) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":password").getBytes(StandardCharsets.UTF_8));
    String me = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/me")).header("Authorization", basic).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return http.send(HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", basic)
            .header("Content-Type", "application/json")
            .header(field(me, "csrfHeader"), field(me, "csrfToken"))
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }
}

package dev.channels4j.examples.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.springframework.test.annotation.DirtiesContext;

/**
 * The WebFlux sample in a real browser: headless Chromium (Debian's chromium and chromium-driver),
 * pusher-js served by the app, Spring Security's reactive defaults (form login, CSRF on), the local
 * Channels server from @AutoConfigureLocalChannels. Without the browser this test fails; it never
 * skips. One context and two browsers for the whole class. The context is closed after the class
 * (and so is ReactiveOrdersTest's): neither class sees a presence log the other one filled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalChannels
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReactiveOrdersInTheBrowserTest {
  static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final File CHROMEDRIVER = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort
  int port;

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
  void anOrderCreatedThroughTheApiAppearsLiveOnItsOwnersPageOnly() throws Exception {
    HttpResponse<String> created = new SignedIn(port, "alice").postJson("/api/orders", "{\"item\":\"a blue teapot\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    new WebDriverWait(alice, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "a blue teapot"));
    assertThat(bob.findElement(By.id("orders")).getText()).doesNotContain("a blue teapot");
  }

  /** The page's own JSON POST passes Spring Security's CSRF check with the token from /api/me. */
  @Test
  void anOrderPlacedWithThePagesFormAppearsLiveOnThatPage() {
    bob.findElement(By.id("item")).sendKeys("a green mug");
    bob.findElement(By.cssSelector("#new-order button[type=submit]")).click();
    new WebDriverWait(bob, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "a green mug"));
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
  void theAppHearsThroughWebhooksWhoCameOnline() {
    await().atMost(WAIT).until(() -> presenceLog.changes().contains("bob came online"));
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
      // The page itself: Spring Security sends the browser to its login page, then back.
      driver.get(base() + "/");
      driver.findElement(By.name("username")).sendKeys(user);
      driver.findElement(By.name("password")).sendKeys(SignedIn.PASSWORD);
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      WebDriverWait wait = new WebDriverWait(driver, WAIT);
      // Both subscriptions answered by the app's /pusher/auth.
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-orders", "subscribed"));
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-online", "subscribed"));
      return driver;
    } catch (RuntimeException e) {
      driver.quit();
      throw e;
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}

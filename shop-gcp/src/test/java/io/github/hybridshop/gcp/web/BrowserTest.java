package io.github.hybridshop.gcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.hybridshop.core.catalog.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shopper and admin journeys in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}). Skipped with a message when they are not installed, except when
 * {@code CI=true}, where a missing browser fails the build. One browser serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private SiteFixture fixture;
  private ChromeDriver browser;
  private Path profile;

  @BeforeAll
  void start() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but Chromium is missing: apt-get install -y chromium chromium-driver");
    }
    assumeTrue(installed, "browser tests skipped: install chromium and chromium-driver (apt-get) to run them");
    fixture = new SiteFixture(new FixedWarehouse());
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile, "--lang=en-US", "--window-size=1200,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @BeforeEach
  void reset() {
    fixture.reset();
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1200, 900));
  }

  @Test
  void shopperSearchesBuysAndStockDrops() {
    Product tea = fixture.product("Green tea", "Tea", "12.50", 40);
    Product cup = fixture.product("Tea cup", "Ware", "4.25", 10);
    fixture.product("Coffee beans", "Coffee", "9.99", 3);
    fixture.product("Old kettle", "Ware", "30.00", 0);

    open("/");
    screenshot("catalog");
    type("q", "tea");
    clickAndWait(browser.findElement(By.cssSelector("form.filters button[type=submit]")));
    assertThat(browser.findElements(By.cssSelector("td.name"))).extracting(WebElement::getText)
        .containsExactly("Green tea", "Tea cup");
    addToCart(tea.id(), 1);
    addToCart(cup.id(), 1);
    assertThat(text("#cart-units")).isEqualTo("2");

    open("/cart");
    WebElement qty = browser.findElement(By.id("qty_" + tea.id()));
    qty.clear();
    qty.sendKeys("3" + Keys.ENTER);
    waitUntilReplaced(qty);
    assertThat(text("#cart-total")).as("Enter updates quantities, never removes a line").isEqualTo("€41.75");
    screenshot("cart");

    clickAndWait(browser.findElement(By.id("checkout")));
    assertThat(browser.getCurrentUrl()).contains("/orders/");
    assertThat(text("#order-total")).isEqualTo("€41.75");
    screenshot("receipt");
    assertThat(fixture.stock(tea.id())).isEqualTo(37);
    assertThat(fixture.stock(cup.id())).isEqualTo(9);
  }

  @Test
  void doubleClickingCheckoutCreatesOneOrder() {
    Product tea = fixture.product("Green tea", "Tea", "12.50", 40);
    open("/");
    addToCart(tea.id(), 2);
    open("/cart");
    new Actions(browser).doubleClick(browser.findElement(By.id("checkout"))).perform();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/orders/"));
    assertThat(text("#order-total")).isEqualTo("€25.00");
    assertThat(fixture.orders()).isEqualTo(1);
    assertThat(fixture.stock(tea.id())).isEqualTo(38);
  }

  @Test
  void scriptInAProductNameIsShownAsText() {
    fixture.product("<img src=x onerror=alert(1)>", "Tea", "1.00", 5);
    open("/");
    assertThat(browser.findElement(By.cssSelector("td.name")).getText()).isEqualTo("<img src=x onerror=alert(1)>");
    assertThat(browser.findElements(By.cssSelector("td.name img"))).isEmpty();
    boolean alertOpen;
    try {
      browser.switchTo().alert();
      alertOpen = true;
    } catch (NoAlertPresentException e) {
      alertOpen = false;
    }
    assertThat(alertOpen).isFalse();
  }

  @Test
  void aFormWithoutAValidCsrfTokenIsRefused() {
    Product tea = fixture.product("Green tea", "Tea", "12.50", 40);
    open("/");
    ((JavascriptExecutor) browser).executeScript(
        "document.querySelector('#p" + tea.id() + " input[name=_csrf]').value = 'forged';");
    clickAndWait(browser.findElement(By.cssSelector("#p" + tea.id() + " button")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Form expired");
    Long status = (Long) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('navigation')[0].responseStatus;");
    assertThat(status).isEqualTo(403L);
    open("/cart");
    assertThat(browser.getPageSource()).contains("Your cart is empty");
  }

  @Test
  void adminPagesRedirectToSignInAndBadFieldsAreReported() {
    for (String path : List.of("/admin", "/admin/products", "/analytics")) {
      open(path);
      assertThat(browser.getCurrentUrl()).as(path).endsWith("/admin/signin");
    }
    type("password", SiteFixture.ADMIN_PASSWORD);
    clickAndWait(browser.findElement(By.cssSelector("main button[type=submit]")));
    assertThat(browser.getCurrentUrl()).endsWith("/admin/products");

    type("f-category", "Tea");
    type("f-price", "abc");
    type("f-stock", "1.5");
    clickAndWait(browser.findElement(By.cssSelector("main form.card button[type=submit]")));
    assertThat(text("#e-name")).isEqualTo("Required.");
    assertThat(text("#e-price")).isEqualTo("Enter a number such as 12.50.");
    assertThat(text("#e-stock")).isEqualTo("Enter a whole number.");
    assertThat(browser.findElement(By.id("f-category")).getAttribute("value")).isEqualTo("Tea");
    assertThat(browser.findElement(By.id("f-price")).getAttribute("aria-invalid")).isEqualTo("true");
    screenshot("admin-form");

    open("/analytics");
    assertThat(browser.findElements(By.cssSelector("#inventory-chart rect.bar"))).hasSize(2);
    screenshot("analytics");
  }

  @Test
  void spanishCatalogUsesSpanishTextsAndCommaDecimals() {
    fixture.product("Té verde", "Té", "12.50", 40);
    open("/?lang=es");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Catálogo");
    assertThat(text("td.price")).isEqualTo("12,50 €");
    assertThat(text("td form button")).isEqualTo("Añadir al carrito");
    browser.manage().window().setSize(new Dimension(390, 844));
    screenshot("catalog-es-phone");
  }

  private void addToCart(long productId, int quantity) {
    WebElement qty = browser.findElement(By.id("qty" + productId));
    qty.clear();
    qty.sendKeys(Integer.toString(quantity));
    clickAndWait(browser.findElement(By.cssSelector("#p" + productId + " button")));
  }

  /** Clicks something that loads a new page and waits until the old page is gone. */
  private void clickAndWait(WebElement element) {
    element.click();
    waitUntilReplaced(element);
  }

  private void waitUntilReplaced(WebElement element) {
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(element));
  }

  private void open(String path) {
    browser.get(fixture.site() + path);
  }

  private void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private void screenshot(String name) {
    try {
      Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new AssertionError("could not save screenshot " + name, e);
    }
  }
}

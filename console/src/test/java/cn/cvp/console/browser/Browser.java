package cn.cvp.console.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * A real, headless Debian Chromium driven through Debian's chromedriver, both at fixed paths: the driver path is
 * set explicitly, so Selenium Manager never runs and nothing is downloaded at run time.
 */
final class Browser implements AutoCloseable {
    static final String CONSOLE = env("CVP_CONSOLE_URL", "http://localhost:8080");
    static final String CHROMEDRIVER = env("CVP_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final String CHROMIUM = env("CVP_CHROMIUM", "/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of(System.getProperty("cvp.screenshots", "target/screenshots"));

    final WebDriver driver;
    private final Path profile;

    Browser() throws IOException {
        profile = Files.createTempDirectory("cvp-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--lang=zh-CN", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    void open(String path) {
        driver.get(CONSOLE + path);
    }

    /** Signs in through the console's "sign in" link and Keycloak's login form (demo realm: password = user name). */
    void signIn(String user) {
        open("/login");
        signInOnKeycloak(user);
    }

    /** Fills Keycloak's login form when the code flow has brought the browser there. */
    void signInOnKeycloak(String user) {
        WebElement name = wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        wait(30).until(d -> d.getCurrentUrl().startsWith(CONSOLE));
        wait(30).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    }

    /** Signs out: the console's logout ends the Keycloak session too (the next sign-in asks for the password again). */
    void signOut() {
        open("/logout");
        wait(30).until(d -> d.getCurrentUrl().startsWith(CONSOLE) && !d.findElements(By.id("login")).isEmpty());
    }

    WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // taller window for the shot, so that a page's table is on it; then back
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        int h = Math.min(2200, Math.max(800, ((Number) height).intValue()));
        driver.manage().window().setSize(new Dimension(1280, h));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The page's weight without images: the document and every script and stylesheet, decoded (not the data it fetches). */
    @SuppressWarnings("unchecked")
    long pageBytes() {
        Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                "var nav = performance.getEntriesByType('navigation')[0];"
                        + "var doc = nav && nav.decodedBodySize ? nav.decodedBodySize : new Blob([document.documentElement.outerHTML]).size;"
                        + "var res = performance.getEntriesByType('resource').filter(function (e) { return ['img', 'fetch', 'xmlhttprequest'].indexOf(e.initiatorType) < 0; })"
                        + "  .reduce(function (s, e) { return s + (e.decodedBodySize || 0); }, 0);"
                        + "return {doc: doc, res: res};");
        return ((Number) r.get("doc")).longValue() + ((Number) r.get("res")).longValue();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}

package dev.starlight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * {@code ensure-chromium.sh} when absent; the test fails if they cannot be installed). Numbers and charts appear,
 * and results produced to the broker show on the page within 5 s.
 */
@QuarkusTest
@WithTestResource(SharedKafkaBrokerResource.class)
class DashboardBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TestHTTPResource("/")
    URL page;

    private WebDriver driver;
    private Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        ensureChromium();
        profile = Files.createTempDirectory("monitor-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        // the driver is named explicitly, so Selenium Manager never looks for (or downloads) one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static void ensureChromium() throws Exception {
        if (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute()) {
            return;
        }
        Process p = new ProcessBuilder("sh", "src/test/resources/ensure-chromium.sh").inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("chromium install finished").isTrue();
        assertThat(p.exitValue()).as("ensure-chromium.sh exit status (chromium and chromium-driver needed)")
                .isZero();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    @Test
    void numbersAndChartsAppearAndFollowNewResultsWithinFiveSeconds() {
        driver.get(page.toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> text("status").startsWith("updated"));
        assertThat(driver.getTitle()).isEqualTo("Starlight monitor");
        assertThat(driver.findElements(By.cssSelector("#chart-throughput polyline"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#chart-latency polyline"))).hasSize(1);
        long before = Long.parseLong(text("count-1m"));

        try (KafkaClients kafka = KafkaClients.forApp()) {
            for (int i = 0; i < 30; i++) {
                String id = "ui-" + i;
                kafka.sendAsync(KafkaClients.prefix() + ".scan.results", id,
                        i % 3 == 0 ? Events.stego(id, "ui-v1", "png", 0.9, "alpha", 40)
                                : Events.clean(id, "ui-v1", "png", 0.1, 40));
            }
            kafka.flush();
        }
        long sent = System.nanoTime();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d ->
                Long.parseLong(text("count-1m")) >= before + 30
                        && !d.findElements(By.cssSelector("#chart-methods rect.bar[data-key='alpha']")).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThanOrEqualTo(Duration.ofSeconds(5));

        assertThat(Double.parseDouble(text("throughput-1m"))).isGreaterThan(0);
        assertThat(text("p95-1m")).endsWith(" ms");
        assertThat(text("error-rate-1m")).endsWith("%");
        String points = driver.findElement(By.cssSelector("#chart-throughput polyline")).getAttribute("points");
        assertThat(points.split(" ")).hasSize(60);
        assertThat(points).matches(".*,\\s*\\d+(\\.\\d)?.*");
        assertThat(driver.findElements(By.cssSelector("#chart-methods rect.bar"))).isNotEmpty();
        assertThat(text("canary-fpr")).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#alerts tr"))).isNotEmpty();
    }
}

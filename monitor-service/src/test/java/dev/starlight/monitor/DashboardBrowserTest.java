package dev.starlight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.events.Topics;
import dev.starlight.testsupport.KafkaClients;
import dev.starlight.testsupport.SharedKafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * {@code ensure-chromium.sh} when absent; the test fails if they cannot be installed). Numbers and charts appear,
 * and results produced to the broker show on the page within 5 s: HTTP and Kafka scans counted apart, sparklines with
 * a time axis (ticks labelled with times) and a value axis, method labels that do not overlap. The page is then
 * saved as {@code docs/images/dashboard.png}.
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
        driver.manage().window().setSize(new Dimension(1360, 1000));
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
    @SuppressWarnings("unchecked")
    void numbersAndChartsAppearAndFollowNewResultsWithinFiveSeconds() throws Exception {
        driver.get(page.toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> text("status").startsWith("updated"));
        assertThat(driver.getTitle()).isEqualTo("Starlight monitor");
        assertThat(driver.findElements(By.cssSelector("#chart-throughput polyline"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#chart-latency polyline"))).hasSize(1);
        long before = Long.parseLong(text("count-1m"));

        long httpBefore = Long.parseLong(text("path-http-1m"));
        String[] methods = {"alpha", "palette", "lsb.rgb", "exif", "raw", "other"};
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer()) {
            // 30 results, one in three stego over six methods; the even ones answered over HTTP
            for (int i = 0; i < 30; i++) {
                String id = "ui-" + i;
                String json = i % 3 == 0 ? Events.stego(id, "ui-v1", "png", 0.9, methods[(i / 3) % methods.length], 40)
                        : Events.clean(id, "ui-v1", "png", 0.1, 40);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(KafkaClients.prefix() + ".scan.results", id,
                        json.getBytes(StandardCharsets.UTF_8));
                r.headers().add(Topics.HEADER_PATH, (i % 2 == 0 ? Topics.PATH_HTTP : Topics.PATH_KAFKA)
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
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

        // HTTP traffic, counted apart from Kafka's
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Long.parseLong(text("path-http-1m"))
                >= httpBefore + 15);
        assertThat(Long.parseLong(text("path-kafka-1m"))).isGreaterThanOrEqualTo(15);
        assertThat(driver.findElements(By.cssSelector("#chart-paths rect.bar[data-key='http']"))).hasSize(1);

        // the sparklines: a value axis and a time axis whose ticks are times 15 s apart. Read in one script: the
        // page redraws every 2 s, which would make elements found one by one stale
        for (String chart : List.of("chart-throughput", "chart-latency")) {
            Map<String, Object> axes = script("""
                    var svg = document.getElementById(arguments[0]);
                    return {x: svg.querySelectorAll('line.axis-x').length, y: svg.querySelectorAll('line.axis-y').length,
                            yTicks: svg.querySelectorAll('text.tick-y').length,
                            ticks: Array.from(svg.querySelectorAll('text.tick-x')).map(function (t) {
                              return [t.textContent, t.getAttribute('data-t')]; })};""", chart);
            assertThat(axes.get("x")).isEqualTo(1L);
            assertThat(axes.get("y")).isEqualTo(1L);
            assertThat(axes.get("yTicks")).isEqualTo(2L);
            List<List<String>> ticks = (List<List<String>>) axes.get("ticks");
            assertThat(ticks).hasSizeBetween(3, 5);
            for (List<String> tick : ticks) {
                assertThat(tick.get(0)).matches("\\d\\d:\\d\\d:\\d\\d");
            }
            assertThat(Long.parseLong(ticks.get(1).get(1)) - Long.parseLong(ticks.get(0).get(1))).isEqualTo(15_000);
        }

        // every method named, and no two texts of the methods chart overlap on the page
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElements(
                By.cssSelector("#chart-methods text.label")).size() >= methods.length);
        List<List<Object>> texts = (List<List<Object>>) script("""
                return {t: Array.from(document.querySelectorAll('#chart-methods text')).map(function (e) {
                  var r = e.getBoundingClientRect(); return [e.textContent, r.left, r.top, r.right, r.bottom]; })};""")
                .get("t");
        for (int a = 0; a < texts.size(); a++) {
            for (int b = a + 1; b < texts.size(); b++) {
                assertThat(overlap(texts.get(a), texts.get(b)))
                        .as("'%s' and '%s' overlap", texts.get(a).get(0), texts.get(b).get(0)).isFalse();
            }
        }
        assertThat(texts.stream().map(t -> (String) t.get(0)).toList()).contains(methods);

        Path shot = Path.of("..", "docs", "images", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    private static boolean overlap(List<Object> a, List<Object> b) {
        return num(a, 1) < num(b, 3) && num(b, 1) < num(a, 3) && num(a, 2) < num(b, 4) && num(b, 2) < num(a, 4);
    }

    private static double num(List<Object> box, int i) {
        return ((Number) box.get(i)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> script(String js, Object... args) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(js, args);
    }
}

package planbot.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import planbot.domain.AuditEvent;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through its chromedriver, against the real App
 * (its HTTP server, the bundled sample plan in a SQLite file). Signs in through a link, changes a task's status with the
 * form, and sees the change on the page, in the audit trail in the database, and in a screenshot that is not blank.
 */
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;
    TestBot bot;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("This test needs Chromium and its driver: apt-get install chromium chromium-driver");
        }
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia").plan())
                .person("Mo", Role.MANAGER);
        bot.app().startPlatforms(List.of(), 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createDirectory(dir.resolve("chromium-profile")); // the test user's HOME may not be writable
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void aManagerSignsInWithALinkChangesAStatusWithTheFormAndSeesItOnThePageAndInTheAudit() throws Exception {
        String base = "http://localhost:" + bot.app().httpPort();

        // GIVEN someone without a session: the dashboard sends them to the page that says how to get a link
        browser.get(base + "/");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/signin");

        // WHEN they open a sign-in link and press its button
        URI link = bot.app().signInLinks().issue(TestBot.TENANT, bot.app().admin().person(TestBot.TENANT, "Mo"), Source.CLI);
        browser.get(link.toString());
        browser.findElement(By.cssSelector("form button, form input[type=submit]")).click();

        // THEN they are on the overview, signed in
        waitFor(() -> browser.findElement(By.tagName("h1")).getText().equals("Plan overview"));
        assertThat(browser.getPageSource()).contains("Mo (manager)", "class=\"seg red\"");

        // WHEN they change a task's status with the form on its page
        browser.get(base + "/tasks/EN003%2F01");
        new Select(browser.findElement(By.cssSelector("#status-form select[name=status]"))).selectByVisibleText("Completed");
        browser.findElement(By.cssSelector("#status-form input[name=note]")).sendKeys("signed off at committee");
        browser.findElement(By.cssSelector("#status-form button")).click();

        // THEN the page says so and shows the new status, the database has it, audited from the web as them
        waitFor(() -> !browser.findElements(By.id("flash")).isEmpty());
        assertThat(browser.findElement(By.id("flash")).getText()).contains("EN003/01");
        assertThat(browser.findElement(By.id("status")).getText()).contains("Completed");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("Mo (web)", "signed off at committee");
        assertThat(bot.task("EN003/01").status().word()).isEqualTo("Completed");
        AuditEvent last = bot.audit("EN003/01").get(0);
        assertThat(last.source()).isEqualTo(Source.WEB);
        assertThat(last.actor()).isEqualTo("Mo");

        // AND the overview, as a screenshot, is a picture rather than a blank page
        browser.get(base + "/");
        waitFor(() -> browser.findElement(By.tagName("h1")).getText().equals("Plan overview"));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path shot = Path.of("target", "dashboard-overview.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(distinctColours(image)).as("distinct colours in " + shot.toAbsolutePath()).isGreaterThan(20);
    }

    /** Waits for the condition; if it never holds, fails showing where the browser is and what it shows. */
    private void waitFor(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
                try {
                    return condition.getAsBoolean();
                } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                    // not there yet, or the page navigated between finding an element and reading it: look again
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("the browser is at " + browser.getCurrentUrl() + " showing: "
                    + browser.findElement(By.tagName("body")).getText());
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }
}

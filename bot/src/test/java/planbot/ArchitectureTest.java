package planbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN §2, checked on the compiled classes of all three modules: bot → scheduler →
 * storage, never back; the domain depends on nothing of ours but itself; the command core imports no chat
 * SDK, no HTTP server and no database.
 */
class ArchitectureTest {
    static final String[] STORAGE = {"planbot.domain..", "planbot.storage..", "planbot.tracker.."};
    static final String[] SCHEDULER = {"planbot.scheduler.."};
    static final String[] BOT = {"planbot.command..", "planbot.answer..", "planbot.reply..", "planbot.cli..", "planbot.config..",
            "planbot.bench..", "planbot.chat..", "planbot.delivery..", "planbot.slack..", "planbot.discord..",
            "planbot.teams..", "planbot.http..", "planbot.platform..", "planbot.admin..",
            "planbot.tenancy..", "planbot.people..", "planbot.doctor..", "planbot.access..", "planbot.web.."};
    /** One package each: a platform's adapter. The console's lives in planbot.chat. */
    static final String[] PLATFORMS = {"planbot.slack..", "planbot.discord..", "planbot.teams..", "planbot.chat.."};
    static final String[] CHAT_SDKS = {"com.slack..", "net.dv8tion..", "io.javalin..", "org.eclipse.jetty..",
            "jakarta.servlet..", "javax.servlet.."};

    static JavaClasses planbot;

    @BeforeAll
    static void load() {
        planbot = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // other modules' test classes arrive in their test-jars, which DO_NOT_INCLUDE_TESTS does not spot
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("planbot");
    }

    @Test
    void storageDependsOnNeitherSchedulerNorBot() {
        noClasses().that().resideInAnyPackage(STORAGE)
                .should().dependOnClassesThat().resideInAnyPackage(concat(SCHEDULER, BOT))
                .check(planbot);
    }

    @Test
    void schedulerDoesNotDependOnBot() {
        noClasses().that().resideInAnyPackage(SCHEDULER)
                .should().dependOnClassesThat().resideInAnyPackage(BOT)
                .allowEmptyShould(true)
                .check(planbot);
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("planbot.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("planbot.domain..", "java..")
                .check(planbot);
    }

    @Test
    void commandCoreTouchesNoChatSdkHttpOrDatabaseDriver() {
        noClasses().that().resideInAnyPackage("planbot.command..", "planbot.answer..", "planbot.reply..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(CHAT_SDKS,
                        new String[] {"org.jdbi..", "java.sql..", "planbot.cli.."}))
                .check(planbot);
    }

    @Test
    void onlyTheSlackAdapterTouchesTheSlackSdk() {
        noClasses().that().resideOutsideOfPackage("planbot.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..")
                .because("Slack's SDK types stay in the adapter; the rest of the bot sees neutral notices and replies")
                .check(planbot);
    }

    @Test
    void theCoreDoesNotKnowTheSlackAdapter() {
        noClasses().that().resideInAnyPackage(concat(concat(STORAGE, SCHEDULER),
                        new String[] {"planbot.command..", "planbot.answer..", "planbot.reply..", "planbot.delivery..",
                                "planbot.tenancy.."}))
                .should().dependOnClassesThat().resideInAnyPackage(concat(CHAT_SDKS, new String[] {"planbot.slack.."}))
                .check(planbot);
    }

    @Test
    void everyClassLivesInAPackageTheRulesKnow() {
        classes().that().resideInAPackage("planbot..")
                .should().resideInAnyPackage(concat(concat(concat(STORAGE, SCHEDULER), BOT), new String[] {"planbot"}))
                .because("a class in a package the rules above do not name would escape them: add its package")
                .check(planbot);
    }

    @Test
    void onlyTheEdgesAndTheBenchmarkServeHttp() {
        noClasses().that().resideOutsideOfPackages("planbot.slack..", "planbot.bench..", "planbot.http..",
                        "planbot.discord..", "planbot.teams..", "planbot.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .check(planbot);
    }

    @Test
    void configAndTheConsoleDoNotKnowAboutSlack() {
        noClasses().that().resideInAnyPackage("planbot.config..", "planbot.chat..")
                .should().dependOnClassesThat().resideInAPackage("planbot.slack..")
                .check(planbot);
    }

    @Test
    void theCoreAndTheSeamImportNoPlatform() {
        noClasses().that().resideInAnyPackage("planbot.command..", "planbot.answer..", "planbot.reply..",
                        "planbot.delivery..", "planbot.tenancy..", "planbot.platform..", "planbot.admin..", "planbot.http..",
                        "planbot.config..", "planbot.people..", "planbot.doctor..", "planbot.access..", "planbot.web..")
                .should().dependOnClassesThat().resideInAnyPackage(PLATFORMS)
                .because("a platform plugs into the seam (planbot.platform); nothing neutral may know one")
                .check(planbot);
        noClasses().that().resideInAnyPackage("planbot.command..", "planbot.answer..", "planbot.reply..",
                        "planbot.delivery..", "planbot.tenancy..", "planbot.platform..", "planbot.admin..", "planbot.people..",
                        "planbot.doctor..")
                .should().dependOnClassesThat().resideInAnyPackage(CHAT_SDKS)
                .check(planbot);
    }

    @Test
    void platformsDoNotImportEachOther() {
        for (String platform : PLATFORMS) {
            String[] others = java.util.Arrays.stream(PLATFORMS).filter(p -> !p.equals(platform)).toArray(String[]::new);
            noClasses().that().resideInAPackage(platform)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(planbot);
        }
    }

    @Test
    void theCompositionRootNamesAtMostOneClassOfEachPlatform() {
        JavaClass app = planbot.get(App.class);
        for (String platform : PLATFORMS) {
            String prefix = platform.substring(0, platform.length() - 2) + ".";
            java.util.Set<String> named = new java.util.TreeSet<>();
            app.getDirectDependenciesFromSelf().forEach(d -> {
                String target = d.getTargetClass().getName();
                if (target.startsWith(prefix)) {
                    named.add(target.replaceAll("\\$.*", ""));
                }
            });
            assertThat(named).as("classes of %s that App names", platform).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void theCoreParsesNoPlatformsOwnMentionSyntax() throws Exception {
        // Discord's <@!123> and <@&role>, Teams' <at>…</at>: the adapters turn them into the neutral form first
        java.nio.file.Path core = java.nio.file.Path.of("src/main/java/planbot/command");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(core)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String code = java.nio.file.Files.readString(f);
                assertThat(code).as(f.toString()).doesNotContain("\"<@!").doesNotContain("<at>").doesNotContain("\"<@&");
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

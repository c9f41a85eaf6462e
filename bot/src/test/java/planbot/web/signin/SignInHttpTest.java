package planbot.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.access.SignInLinks;
import planbot.access.WebUser;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.http.AppServer;
import planbot.http.Health;
import planbot.testing.LogCapture;
import planbot.testing.TestBot;

/**
 * Sign-in over real HTTP on loopback: the App's own server with the routes it mounts, a cookie-less client that follows
 * no redirects (so every header is seen), the real services on a SQLite file, and the clock moved by the test. A second
 * server stands in for a page: {@code GET /whoami} answers who the session cookie belongs to, through {@link WebAuth},
 * or redirects to {@code /signin} as pages do.
 */
class SignInHttpTest {
    static final String COOKIE = WebAuth.COOKIE;
    @TempDir
    Path dir;
    TestBot bot;
    AppServer page;
    LogCapture logs;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        logs = LogCapture.start();
        bot = TestBot.start(dir).person("Olivia", Role.OFFICER).person("Mo", Role.MANAGER);
        bot.app().startPlatforms(List.of(), 0);
        WebAuth auth = bot.app().webAuth();
        page = new AppServer(0, () -> new Health(Map.of()));
        page.get("/whoami", ctx -> {
            WebHeaders.apply(ctx);
            Optional<WebUser> user = auth.user(ctx);
            if (user.isEmpty()) {
                ctx.redirect(WebAuth.SIGN_IN_PATH, io.javalin.http.HttpStatus.SEE_OTHER);
            } else {
                ctx.result(user.get().person().name() + " " + user.get().role().word() + " " + user.get().csrfToken());
            }
        });
        page.start();
    }

    @AfterEach
    void stop() {
        page.close();
        bot.close();
        logs.close();
        // THEN, whatever the test did: no link, token or session id ever reached the log
        for (String line : logs.lines()) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }

    // ---- helpers

    URI link(String person) {
        URI link = bot.app().signInLinks().issue(TestBot.TENANT, bot.app().admin().person(TestBot.TENANT, person), Source.CLI);
        secrets.add(token(link));
        return link;
    }

    static String token(URI link) {
        return link.getPath().substring(SignInLinks.PATH.length());
    }

    URI local(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + bot.app().httpPort() + pathAndQuery);
    }

    HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The link as a browser opens it: its path on this server. */
    HttpResponse<String> open(URI link) throws Exception {
        return get(local(link.getPath()));
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(local(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Presses the link page's Continue button. */
    HttpResponse<String> pressContinue(URI link, String... headers) throws Exception {
        return post(WebAuth.SIGN_IN_PATH, Map.of(SignInRoutes.TOKEN_FIELD, token(link)), headers);
    }

    /** Signs in with a new link for the person; returns the session cookie's value. */
    String signIn(String person) throws Exception {
        HttpResponse<String> r = pressContinue(link(person));
        assertThat(r.statusCode()).isEqualTo(303);
        String session = sessionCookie(r).orElseThrow().split(";", 2)[0].substring(COOKIE.length() + 1);
        secrets.add(session);
        return session;
    }

    static Optional<String> sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(COOKIE + "=")).findFirst();
    }

    HttpResponse<String> whoami(String session) throws Exception {
        return get(URI.create("http://127.0.0.1:" + page.port() + "/whoami"), "Cookie", COOKIE + "=" + session);
    }

    int sessions() {
        return bot.dump().get("web_session").size();
    }

    static void assertSecurityHeaders(HttpResponse<?> r) {
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        String csp = r.headers().firstValue("content-security-policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(csp.replace("style-src 'self' 'unsafe-inline'", "")).doesNotContain("unsafe-inline");
    }

    // ---- tests

    @Test
    void aLinkOpensAContinuePageThatChangesNothing_thenContinueSetsTheCookie_andThePageKnowsThePerson() throws Exception {
        // GIVEN a link for Olivia
        URI link = link("Olivia");
        assertThat(link.toString()).startsWith("http://localhost:" + bot.app().httpPort() + "/signin/");
        // WHEN it is opened (as a browser, a mail scanner or a chat preview would)
        HttpResponse<String> opened = open(link);
        // THEN it shows a Continue button posting the token, sets no cookie and uses nothing up
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("<form method=\"post\" action=\"/signin\">").contains(token(link)).contains("Continue");
        assertThat(sessionCookie(opened)).isEmpty();
        assertSecurityHeaders(opened);
        assertThat(open(link).statusCode()).as("opened twice, still good").isEqualTo(200);
        assertThat(sessions()).isZero();

        // WHEN Continue is pressed
        HttpResponse<String> signedIn = pressContinue(link);
        // THEN a session cookie (HttpOnly, SameSite=Lax, whole site, not Secure over plain http) and a 303 to the dashboard
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("location")).hasValue("/");
        assertSecurityHeaders(signedIn);
        String cookie = sessionCookie(signedIn).orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        String session = cookie.split(";", 2)[0].substring(COOKIE.length() + 1);
        secrets.add(session);
        assertThat(session).hasSize(43).isNotEqualTo(token(link));

        // AND a page sees Olivia, an officer, with that cookie, and sends anyone without one to /signin
        assertThat(whoami(session).body()).startsWith("Olivia officer ");
        HttpResponse<String> anonymous = get(URI.create("http://127.0.0.1:" + page.port() + "/whoami"));
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("location")).hasValue("/signin");
        // AND the sign-in is in the audit trail, from the web; nothing stored holds the token or the session id in clear
        assertThat(bot.audit("Olivia")).extracting(AuditEvent::change, AuditEvent::source)
                .contains(org.assertj.core.groups.Tuple.tuple("web-link", Source.CLI),
                        org.assertj.core.groups.Tuple.tuple("web-sign-in", Source.WEB));
        assertThat(bot.dump().toString()).doesNotContain(token(link)).doesNotContain(session);
    }

    @Test
    void aReplayedLinkIsRefusedWithAPageAndNoCookie() throws Exception {
        // GIVEN a link already used to sign in
        URI link = link("Olivia");
        assertThat(pressContinue(link).statusCode()).isEqualTo(303);
        // WHEN it is opened again, or Continue pressed again
        HttpResponse<String> opened = open(link);
        HttpResponse<String> again = pressContinue(link);
        // THEN 410 with a page that says so and how to get a new one, and no cookie; still one session
        for (HttpResponse<String> r : List.of(opened, again)) {
            assertThat(r.statusCode()).isEqualTo(410);
            assertThat(r.body()).contains("This sign-in link has already been used").contains("/plan web");
            assertThat(sessionCookie(r)).isEmpty();
            assertSecurityHeaders(r);
        }
        assertThat(sessions()).isEqualTo(1);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        // GIVEN a link, and 15 minutes gone by
        URI link = link("Olivia");
        bot.clock().advance(SignInLinks.VALID_FOR);
        // WHEN it is opened and Continue pressed
        HttpResponse<String> opened = open(link);
        HttpResponse<String> pressed = pressContinue(link);
        // THEN 410 "has expired", no cookie, no session
        for (HttpResponse<String> r : List.of(opened, pressed)) {
            assertThat(r.statusCode()).isEqualTo(410);
            assertThat(r.body()).contains("This sign-in link has expired").contains("/plan web");
            assertThat(sessionCookie(r)).isEmpty();
        }
        assertThat(sessions()).isZero();
    }

    @Test
    void aLinkJustBeforeItExpiresStillWorks() throws Exception {
        URI link = link("Olivia");
        bot.clock().advance(SignInLinks.VALID_FOR.minusSeconds(1));
        assertThat(pressContinue(link).statusCode()).isEqualTo(303);
    }

    @Test
    void aForgedOrGarbledTokenGetsA404PageAndNoCookie() throws Exception {
        // GIVEN tokens planbot never issued: well-formed and random, garbled, a real one with a character changed
        String real = token(link("Olivia"));
        String changed = (real.charAt(0) == 'A' ? 'B' : 'A') + real.substring(1);
        for (String forged : List.of(planbot.access.Secrets.newSecret(), "not-a-token", "%3Cscript%3E", changed)) {
            // WHEN one is opened, or posted
            HttpResponse<String> opened = get(local("/signin/" + forged));
            HttpResponse<String> posted = post(WebAuth.SIGN_IN_PATH, Map.of(SignInRoutes.TOKEN_FIELD, forged));
            // THEN 404 "is not valid", and no cookie
            for (HttpResponse<String> r : List.of(opened, posted)) {
                assertThat(r.statusCode()).as(forged).isEqualTo(404);
                assertThat(r.body()).contains("This sign-in link is not valid").doesNotContain("<script>");
                assertThat(sessionCookie(r)).isEmpty();
            }
        }
        // AND a post with no token at all is the same
        assertThat(post(WebAuth.SIGN_IN_PATH, Map.of()).statusCode()).isEqualTo(404);
        assertThat(sessions()).isZero();
        assertThat(logs.stackTraces()).isZero();
    }

    @Test
    void twoRedemptionsAtOnceMakeExactlyOneSession() throws Exception {
        // GIVEN one link, pressed by 8 clients at the same moment
        URI link = link("Olivia");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> presses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                presses.add(() -> pressContinue(link));
            }
            List<Integer> statuses = new ArrayList<>();
            int cookies = 0;
            for (Future<HttpResponse<String>> f : pool.invokeAll(presses)) {
                statuses.add(f.get().statusCode());
                cookies += sessionCookie(f.get()).isPresent() ? 1 : 0;
            }
            // THEN exactly one signed in; every other was told the link was used
            assertThat(statuses).containsOnly(303, 410);
            assertThat(statuses.stream().filter(s -> s == 303).count()).isEqualTo(1);
            assertThat(cookies).isEqualTo(1);
            assertThat(sessions()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionUnusedFor8HoursIsOver() throws Exception {
        String session = signIn("Olivia");
        bot.clock().advance(Duration.ofHours(8).minusMinutes(1));
        assertThat(whoami(session).statusCode()).as("used within 8 hours").isEqualTo(200);
        // WHEN 8 hours pass without use
        bot.clock().advance(Duration.ofHours(8));
        // THEN the session is over
        assertThat(whoami(session).statusCode()).isEqualTo(303);
    }

    @Test
    void aSessionUsedAllTheTimeIsStillOverAfter7Days() throws Exception {
        String session = signIn("Olivia");
        // WHEN it is used every 4 hours for just under 7 days
        for (int hours = 4; hours < 7 * 24; hours += 4) {
            bot.clock().advance(Duration.ofHours(4));
            assertThat(whoami(session).statusCode()).as("after %d hours", hours).isEqualTo(200);
        }
        // THEN at 7 days it is over all the same
        bot.clock().advance(Duration.ofHours(4));
        assertThat(whoami(session).statusCode()).isEqualTo(303);
    }

    @Test
    void signOutWithoutTheCsrfTokenIsRefused_withItTheSessionEnds() throws Exception {
        String session = signIn("Olivia");
        String csrf = whoami(session).body().split(" ")[2];
        // WHEN sign-out is posted with the cookie but no token, or a wrong one
        HttpResponse<String> bare = post(SignInRoutes.SIGN_OUT_PATH, Map.of(), "Cookie", COOKIE + "=" + session);
        HttpResponse<String> wrong = post(SignInRoutes.SIGN_OUT_PATH, Map.of(WebAuth.CSRF_FIELD, csrf + "x"),
                "Cookie", COOKIE + "=" + session);
        // THEN both are refused and the session goes on
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(sessionCookie(bare)).isEmpty();
        assertThat(whoami(session).statusCode()).isEqualTo(200);

        // WHEN it is posted with the session's token
        HttpResponse<String> out = post(SignInRoutes.SIGN_OUT_PATH, Map.of(WebAuth.CSRF_FIELD, csrf), "Cookie", COOKIE + "=" + session);
        // THEN the cookie is cleared, the browser goes to /signin, the session is over, and that is audited
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("location")).hasValue("/signin");
        assertThat(sessionCookie(out).orElseThrow()).startsWith(COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970");
        assertThat(whoami(session).statusCode()).isEqualTo(303);
        assertThat(bot.audit("Olivia")).extracting(AuditEvent::change).contains("web-sign-out");
    }

    @Test
    void theCsrfTokenMayComeInTheHeader() throws Exception {
        String session = signIn("Olivia");
        String csrf = whoami(session).body().split(" ")[2];
        HttpResponse<String> out = post(SignInRoutes.SIGN_OUT_PATH, Map.of(), "Cookie", COOKIE + "=" + session,
                WebAuth.CSRF_HEADER, csrf);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(whoami(session).statusCode()).isEqualTo(303);
    }

    @Test
    void aDemotedPersonHasTheNewRoleOnTheNextRequest() throws Exception {
        // GIVEN Mo, a manager, signed in
        String session = signIn("Mo");
        assertThat(whoami(session).body()).startsWith("Mo manager ");
        // WHEN an admin makes Mo a viewer
        bot.app().admin().setRole(TestBot.TENANT, "Mo", Role.VIEWER, "admin", Source.CLI);
        // THEN the very next request is a viewer's
        assertThat(whoami(session).body()).startsWith("Mo viewer ");
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedAndTheLinkStillWorks() throws Exception {
        URI link = link("Olivia");
        HttpResponse<String> forged = pressContinue(link, "Origin", "https://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(sessionCookie(forged)).isEmpty();
        // the browser's own post, naming this server as its origin, signs in
        HttpResponse<String> own = pressContinue(link, "Origin", "http://127.0.0.1:" + bot.app().httpPort());
        assertThat(own.statusCode()).isEqualTo(303);
    }

    @Test
    void behindAProxyThatRewritesHost_aPostFromThePublicUrlSignsIn() throws Exception {
        bot.app().usePublicUrl(new planbot.config.PublicUrlConfig(URI.create("https://planbot.council.example")));
        HttpResponse<String> r = pressContinue(link("Olivia"), "Origin", "https://planbot.council.example");
        assertThat(r.statusCode()).isEqualTo(303);
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecure() throws Exception {
        HttpResponse<String> r = pressContinue(link("Olivia"), "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(r).orElseThrow()).contains("Secure");
    }

    @Test
    void withAnHttpsPublicUrlTheLinkStartsThereAndTheCookieIsSecure() throws Exception {
        bot.app().usePublicUrl(new planbot.config.PublicUrlConfig(URI.create("https://planbot.council.example/")));
        URI link = link("Olivia");
        assertThat(link.toString()).startsWith("https://planbot.council.example/signin/");
        assertThat(sessionCookie(pressContinue(link)).orElseThrow()).contains("Secure");
    }

    @Test
    void theSignInPageSaysHowToGetALink() throws Exception {
        HttpResponse<String> r = get(local("/signin"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/plan web").contains("./planbot web link");
        assertSecurityHeaders(r);
    }

    @Test
    void aLinkForSomeoneRemovedFromThePlanSignsNobodyIn() throws Exception {
        // GIVEN a link for Olivia, who is then removed from the plan
        URI link = link("Olivia");
        bot.app().database().inTransaction(h -> h.execute("DELETE FROM person WHERE name = 'Olivia'"));
        // THEN the link signs nobody in
        HttpResponse<String> r = pressContinue(link);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(sessionCookie(r)).isEmpty();
    }

    @Test
    void aSessionOfSomeoneRemovedFromThePlanIsOver() throws Exception {
        String session = signIn("Olivia");
        bot.app().database().inTransaction(h -> h.execute("DELETE FROM person WHERE name = 'Olivia'"));
        assertThat(whoami(session).statusCode()).isEqualTo(303);
    }

    @Test
    void aPersonNotInThePlanGetsNoLink() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bot.app().signInLinks()
                        .issue(TestBot.TENANT, new Person("Nobody", Role.ADMIN), Source.CLI))
                .isInstanceOf(planbot.domain.UserFixableException.class).hasMessageContaining("Nobody");
    }
}

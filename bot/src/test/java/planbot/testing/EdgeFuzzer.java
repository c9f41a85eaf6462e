package planbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hostile input for an HTTP route that checks signatures: thousands of signed requests, each a valid seed payload
 * mutated (fields dropped, renamed or retyped, JSON that is not an object, duplicate keys, bad %-escapes, unknown
 * types, huge strings, truncated bodies, bytes that are not UTF-8, the wrong content type), sent over loopback one
 * at a time. Every request passes the signature check, so what it tests is everything behind it.
 *
 * <p>The {@link Report} says what came back (statuses, and each 5xx with the mutations that caused it, so a failure
 * can be reproduced from the seed), what was logged at ERROR, how many stack traces were printed, and which tables
 * changed. For any platform: give the route, a signer (raw body → headers) and seeds of valid payloads.
 *
 * <p>Deterministic for one random seed (the mutations; what a server does with them may depend on timing). Bounded in
 * count and in time. Not thread-safe; one run at a time, alone in the JVM (it captures the JVM's log).
 */
public final class EdgeFuzzer {
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int HUGE_MIN = 20_000;
    private static final int HUGE_MAX = 60_000;

    /** A valid payload for the route: its content type and body ({@code payload=…} forms are mutated as JSON). */
    public record Seed(String name, String contentType, String body) {
        public Seed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        public static Seed form(String name, String body) {
            return new Seed(name, FORM, body);
        }

        public static Seed json(String name, String body) {
            return new Seed(name, JSON, body);
        }
    }

    /**
     * What a run found.
     *
     * @param statuses     how many requests got each HTTP status; -1 counts requests within the size cap that got
     *                     no answer at all
     * @param closedOverCap requests over the size cap whose connection the server closed before answering (HTTP
     *                     allows that for a body it will not read)
     * @param serverErrors each 5xx or unanswered request: status, seed, mutations and the start of the answer
     * @param errorLogs    the lines logged at ERROR
     * @param warnings     how many lines were logged at WARN
     * @param stackTraces  how many stack traces were printed
     * @param changes      each table whose rows changed, with how many were added and removed
     */
    public record Report(int sent, Duration took, SortedMap<Integer, Integer> statuses, int closedOverCap, List<String> serverErrors,
                         List<String> errorLogs, int warnings, int stackTraces, Map<String, String> changes) {
        public int count5xx() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0).mapToInt(Map.Entry::getValue).sum();
        }

        public String summary() {
            return sent + " requests in " + took.toMillis() + " ms; statuses " + statuses + " (and " + closedOverCap
                    + " over the cap closed unanswered); 5xx or unanswered " + count5xx()
                    + "; ERROR lines " + errorLogs.size() + "; WARN lines " + warnings + "; stack traces " + stackTraces
                    + "; tables changed " + changes;
        }
    }

    private final URI route;
    private final Function<byte[], Map<String, String>> signer;
    private final List<Seed> seeds;
    private final int maxBody;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param route  the URL, on loopback
     * @param signer the headers that make a body pass the route's signature check (timestamp, signature…)
     * @param seeds   valid payloads to mutate
     * @param maxBody the route's size cap in bytes: some mutations go over it (huge values), and the server may close
     *                the connection on those rather than answer
     * @param seed    the random generator's seed: the same seed sends the same requests
     */
    public EdgeFuzzer(URI route, Function<byte[], Map<String, String>> signer, List<Seed> seeds, int maxBody, long seed) {
        this.route = Objects.requireNonNull(route, "route");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.seeds = List.copyOf(seeds);
        if (this.seeds.isEmpty()) {
            throw new IllegalArgumentException("the fuzzer needs at least one seed payload");
        }
        this.maxBody = maxBody;
        this.random = new Random(seed);
    }

    /**
     * Sends up to {@code requests} mutated requests, stopping early after {@code within}, then waits (at most three
     * seconds) for what the server does after answering to stop logging, and compares the tables.
     *
     * @param tables every row of every table, as {@code TestDatabases.dump} gives them
     */
    public Report run(int requests, Duration within, Supplier<Map<String, List<Map<String, Object>>>> tables) {
        Map<String, List<Map<String, Object>>> before = tables.get();
        SortedMap<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        Instant start = Instant.now();
        Instant deadline = start.plus(within);
        int sent = 0;
        int closedOverCap = 0;
        try (LogCapture log = LogCapture.start()) {
            while (sent < requests && Instant.now().isBefore(deadline)) {
                Seed seed = seeds.get(random.nextInt(seeds.size()));
                Mutant mutant = mutate(seed);
                int status = send(mutant);
                sent++;
                if (status < 0 && mutant.body.length > maxBody) {
                    closedOverCap++;
                    continue;
                }
                statuses.merge(status, 1, Integer::sum);
                if ((status >= 500 || status < 0) && serverErrors.size() < 50) {
                    serverErrors.add(status + " " + seed.name() + " " + mutant.mutations + ": " + mutant.answer);
                }
            }
            Duration took = Duration.between(start, Instant.now());
            settle(log);
            return new Report(sent, took, statuses, closedOverCap, serverErrors, log.at("ERROR"), log.at("WARN").size(),
                    log.stackTraces(), changes(before, tables.get()));
        }
    }

    /** Waits until nothing new has been logged for 300 ms (work a server does after answering), at most 3 s. */
    private static void settle(LogCapture log) {
        Instant giveUp = Instant.now().plusSeconds(3);
        int seen = -1;
        while (Instant.now().isBefore(giveUp) && log.lines().size() != seen) {
            seen = log.lines().size();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- one request

    private static final class Mutant {
        String contentType;
        byte[] body;
        final List<String> mutations = new ArrayList<>();
        String answer = "";
    }

    private int send(Mutant m) {
        HttpRequest.Builder request = HttpRequest.newBuilder(route).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body));
        if (m.contentType != null) {
            request.header("Content-Type", m.contentType);
        }
        signer.apply(m.body).forEach(request::header);
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            m.answer = r.body().length() > 200 ? r.body().substring(0, 200) : r.body();
            return r.statusCode();
        } catch (IOException e) {
            m.answer = "no answer: " + e;
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            m.answer = "interrupted";
            return -1;
        }
    }

    private Mutant mutate(Seed seed) {
        Mutant m = new Mutant();
        m.contentType = seed.contentType();
        String body = seed.body();
        boolean payloadForm = seed.contentType().equals(FORM) && body.startsWith("payload=");
        boolean json = seed.contentType().equals(JSON) || payloadForm;
        int count = random.nextInt(10) < 7 ? 1 : 2;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            String text = json ? jsonOf(bytes, payloadForm) : null;
            if (kind < 5 && text != null) {
                String mutated = mutateJson(text, m.mutations);
                bytes = (payloadForm ? "payload=" + URLEncoder.encode(mutated, StandardCharsets.UTF_8) : mutated)
                        .getBytes(StandardCharsets.UTF_8);
            } else if (kind < 5 || (kind < 7 && !json)) {
                bytes = mutateForm(new String(bytes, StandardCharsets.UTF_8), m.mutations).getBytes(StandardCharsets.UTF_8);
            } else if (kind < 9) {
                bytes = mutateBytes(bytes, m.mutations);
            } else {
                m.contentType = pick(FORM, JSON, "text/plain", null, "multipart/form-data; boundary=x",
                        "application/json; charset=ISO-8859-1", "application/x-www-form-urlencoded; charset=UTF-16", "ü/ö");
                m.mutations.add("content-type " + m.contentType);
            }
        }
        m.body = bytes;
        return m;
    }

    /** The JSON in a body (raw, or a form's {@code payload=}), or null when an earlier mutation broke the wrapping. */
    private static String jsonOf(byte[] bytes, boolean payloadForm) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!payloadForm) {
            return text;
        }
        if (!text.startsWith("payload=") || text.indexOf('&') >= 0) {
            return null;
        }
        try {
            return URLDecoder.decode(text.substring("payload=".length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // a bad %-escape put there by an earlier mutation
        }
    }

    // ---- JSON mutations

    private String mutateJson(String text, List<String> log) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (IOException e) {
            root = null; // already broken by an earlier mutation: break it some more as bytes
        }
        if (!(root instanceof ObjectNode)) {
            log.add("json unparsable: truncated");
            return text.substring(0, random.nextInt(text.length() + 1));
        }
        ObjectNode object = (ObjectNode) root;
        List<ObjectNode> parents = new ArrayList<>();
        collect(object, parents);
        ObjectNode parent = parents.get(random.nextInt(parents.size()));
        List<String> names = new ArrayList<>();
        parent.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "type" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(8)) {
            case 0:
                parent.remove(name);
                log.add("json drop " + name);
                break;
            case 1: {
                JsonNode value = parent.remove(name);
                String renamed = pick(name.toUpperCase(), name + "_", "x" + random.nextInt(100), "");
                parent.set(renamed, value);
                log.add("json rename " + name + "→" + renamed);
                break;
            }
            case 2: {
                JsonNode value = oddValue();
                parent.set(name, value);
                log.add("json retype " + name + "=" + value);
                break;
            }
            case 3: {
                String type = pick("zz_unknown", "block_actions", "view_submission", "event_callback", "url_verification",
                        "shortcut", "message_action", "block_suggestion", "app_home_opened", "message", "app_mention",
                        "view_closed", "interactive_message", "dialog_submission", "");
                JsonNode event = object.get("event");
                ObjectNode target = event instanceof ObjectNode && random.nextBoolean() ? (ObjectNode) event : object;
                target.put("type", type);
                log.add("json type " + (target == object ? "" : "event.") + "type=" + type);
                break;
            }
            case 4: {
                String huge = hugeString();
                parent.put(name, huge);
                log.add("json huge " + name + " (" + huge.length() + " chars)");
                break;
            }
            case 5: {
                String other = pick("[]", "[" + object + "]", "\"payload\"", "42", "null", "true", "", "{", "{}", "[{}]");
                log.add("json not an object: " + (other.length() > 20 ? other.substring(0, 20) + "…" : other));
                return other;
            }
            case 6: {
                String serialised = object.toString();
                int at = serialised.indexOf('{', random.nextInt(serialised.length()));
                at = at < 0 ? 0 : at;
                String duplicate = "\"" + name + "\":" + oddValue() + ",";
                log.add("json duplicate key " + name);
                return serialised.substring(0, at + 1) + duplicate + serialised.substring(at + 1);
            }
            default: {
                parent.put(name, pick("%", "%zz", "\u0000", "\uFFFF", "<!channel>", "\\", "'; DROP TABLE task; --"));
                log.add("json odd string " + name);
                break;
            }
        }
        return object.toString();
    }

    private static void collect(ObjectNode node, List<ObjectNode> into) {
        into.add(node);
        node.elements().forEachRemaining(child -> {
            if (child instanceof ObjectNode) {
                collect((ObjectNode) child, into);
            } else if (child instanceof ArrayNode) {
                child.elements().forEachRemaining(e -> {
                    if (e instanceof ObjectNode) {
                        collect((ObjectNode) e, into);
                    }
                });
            }
        });
    }

    private JsonNode oddValue() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (random.nextInt(10)) {
            case 0: return f.nullNode();
            case 1: return f.numberNode(0);
            case 2: return f.numberNode(-1.5e308);
            case 3: return f.booleanNode(true);
            case 4: return f.textNode("");
            case 5: return f.arrayNode();
            case 6: return f.objectNode();
            case 7: return f.arrayNode().add(1).add("a").addNull();
            case 8: return f.objectNode().put("id", 7).putNull("type");
            default: return f.textNode("x" + random.nextInt(1000));
        }
    }

    // ---- form mutations

    private String mutateForm(String body, List<String> log) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            pairs.add(eq < 0 ? new String[] {pair, null} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
        }
        int i = random.nextInt(pairs.size());
        String[] pair = pairs.get(i);
        switch (random.nextInt(7)) {
            case 0:
                pairs.remove(i);
                log.add("form drop " + pair[0]);
                break;
            case 1:
                log.add("form rename " + pair[0]);
                pair[0] = pick(pair[0].toUpperCase(), pair[0] + "x", "", "payload", "command", "ssl_check");
                break;
            case 2:
                log.add("form empty " + pair[0]);
                pair[1] = random.nextBoolean() ? "" : null;
                break;
            case 3:
                log.add("form duplicate " + pair[0]);
                pairs.add(random.nextInt(pairs.size() + 1), new String[] {pair[0], "dup" + random.nextInt(100)});
                break;
            case 4: {
                String bad = pick("%", "%G1", "%zz", "%e9", "%c3%28", "%ff%fe", "%u00e9", "%0");
                String value = pair[1] == null ? "" : pair[1];
                int at = random.nextInt(value.length() + 1);
                pair[1] = value.substring(0, at) + bad + value.substring(at);
                log.add("form bad escape " + bad + " in " + pair[0]);
                break;
            }
            case 5:
                pair[1] = URLEncoder.encode(hugeString(), StandardCharsets.UTF_8);
                log.add("form huge " + pair[0]);
                break;
            default: {
                ObjectNode json = MAPPER.createObjectNode();
                for (String[] p : pairs) {
                    json.put(p[0], p[1]);
                }
                log.add("form as a JSON body");
                return json.toString();
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            out.append(out.length() == 0 ? "" : "&").append(p[0]).append(p[1] == null ? "" : "=" + p[1]);
        }
        return out.toString();
    }

    // ---- byte mutations

    private byte[] mutateBytes(byte[] body, List<String> log) {
        switch (random.nextInt(5)) {
            case 0: {
                int at = random.nextInt(body.length + 1);
                log.add("bytes truncated at " + at);
                return java.util.Arrays.copyOf(body, at);
            }
            case 1: {
                byte[] out = body.clone();
                int n = 1 + random.nextInt(8);
                for (int i = 0; i < n && out.length > 0; i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
                log.add("bytes " + n + " replaced");
                return out;
            }
            case 2: {
                byte[] bad = pick(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xe9}, new byte[] {0});
                int at = random.nextInt(body.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(body, 0, at);
                out.writeBytes(bad);
                out.write(body, at, body.length - at);
                log.add("bytes not UTF-8 at " + at);
                return out.toByteArray();
            }
            case 3:
                log.add("bytes empty body");
                return new byte[0];
            default: {
                byte[] out = new byte[random.nextInt(2000)];
                random.nextBytes(out);
                log.add("bytes random " + out.length);
                return out;
            }
        }
    }

    // ---- helpers

    private String hugeString() {
        int length = HUGE_MIN + random.nextInt(HUGE_MAX - HUGE_MIN);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            s.append(pick("a", "é", "€", "\uD83D\uDE00", " ", "%", "&", "=", "<"));
        }
        return s.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** Each table whose rows differ, with how many rows were added and removed. */
    static Map<String, String> changes(Map<String, List<Map<String, Object>>> before, Map<String, List<Map<String, Object>>> after) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String table : after.keySet()) {
            Set<Map<String, Object>> old = new HashSet<>(before.getOrDefault(table, List.of()));
            Set<Map<String, Object>> now = new HashSet<>(after.get(table));
            long added = now.stream().filter(r -> !old.contains(r)).count();
            long removed = old.stream().filter(r -> !now.contains(r)).count();
            if (added + removed > 0) {
                changes.put(table, "+" + added + " -" + removed);
            }
        }
        return changes;
    }
}

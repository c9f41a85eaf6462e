package planbot.discord.interact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import planbot.command.CommandService;
import planbot.command.RefText;
import planbot.domain.RefKey;
import planbot.storage.RefIndexEntry;

/**
 * The refs offered while a {@code ref} option is typed: the best {@value #MAX} of the tenant's ref index (task refs and
 * action keys) for what has been typed so far — the same ref first, then refs it starts, then labels it starts, then
 * refs or labels it is part of — each as it can be typed back, plan-qualified ({@code EN003/01 in south}) where more
 * than one plan has it. One read of the index per keystroke: answered well inside Discord's 3 s. Thread-safe.
 */
final class RefChoices {
    /** Discord shows at most 25 choices. */
    static final int MAX = 25;
    /** Discord's limit on a choice's name and value. */
    private static final int MAX_LENGTH = 100;

    private final CommandService commands;

    RefChoices(CommandService commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /** The choices ({@code [{"name":…,"value":…}]}) for the focused option; none unless it is a ref. */
    ArrayNode choices(String tenant, Optional<PlanCommandSpec.Focused> focused) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (focused.isEmpty() || !focused.get().name().equals(PlanCommandSpec.REF)) {
            return out;
        }
        for (String ref : best(commands.refIndex(tenant), focused.get().typed())) {
            out.addObject().put("name", ref).put("value", ref);
        }
        return out;
    }

    /** The best refs for the typed text, at most {@link #MAX}, in plan order within a rank. */
    static List<String> best(List<RefIndexEntry> index, String typed) {
        Map<String, Set<String>> plans = new LinkedHashMap<>(); // ref → the plans that have it, in plan order
        Map<String, String> labels = new LinkedHashMap<>(); // ref → its action's label
        for (RefIndexEntry e : index) {
            String ref = e.isTask() ? e.taskRef() : e.actionKey();
            plans.computeIfAbsent(ref, r -> new TreeSet<>()).add(e.planName());
            if (e.label() != null) {
                labels.putIfAbsent(ref, e.label());
            }
        }
        String key = RefKey.of(typed);
        String flat = flat(typed);
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>();
        int order = 0;
        Map<String, Integer> position = new LinkedHashMap<>();
        for (String ref : plans.keySet()) {
            position.put(ref, order++);
            int rank = rank(ref, labels.get(ref), key, flat);
            if (rank >= 0) {
                ranked.add(Map.entry(ref, rank));
            }
        }
        ranked.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparingInt(e -> position.get(e.getKey())));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> r : ranked) {
            Set<String> in = plans.get(r.getKey());
            for (String plan : in) {
                String shown = in.size() == 1 ? r.getKey() : new RefText(r.getKey(), plan).toString();
                if (out.size() < MAX && shown.length() <= MAX_LENGTH) {
                    out.add(shown);
                }
            }
        }
        return out;
    }

    /** 0 the same ref, 1 the ref starts with it, 2 the label starts with it, 3 either contains it; -1 no match. */
    private static int rank(String ref, String label, String key, String flat) {
        if (flat.isEmpty()) {
            return 1;
        }
        String refKey = RefKey.of(ref);
        if (!key.isEmpty() && refKey.equals(key)) {
            return 0;
        }
        if (flat(ref).startsWith(flat) || (!key.isEmpty() && refKey.startsWith(key))) {
            return 1;
        }
        String flatLabel = label == null ? "" : flat(label);
        if (flatLabel.startsWith(flat)) {
            return 2;
        }
        return flat(ref).contains(flat) || flatLabel.contains(flat) ? 3 : -1;
    }

    /** Upper case without spaces: {@code enf 3} → {@code ENF3}. */
    private static String flat(String s) {
        return s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}

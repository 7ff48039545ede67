package fr.lanterne.ingest;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one input turned into: the input itself first, then the files found inside it, depth first, in order.
 * Each is accounted for: extracted, unpacked (an archive) or quarantined.
 */
record Received(List<IntakeItem> items) {

    public Received {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An input gives at least one item: itself");
        }
    }

    public IntakeItem root() {
        return items.get(0);
    }

    public List<IntakeItem> extracted() {
        return items.stream().filter(i -> i.outcome() instanceof Outcome.Extracted).toList();
    }

    public List<IntakeItem> quarantined() {
        return items.stream().filter(IntakeItem::isQuarantined).toList();
    }

    public List<IntakeItem> unpacked() {
        return items.stream().filter(i -> i.outcome() instanceof Outcome.Unpacked).toList();
    }

    /** The references found anywhere in the input, each once, most reliable place first. */
    public List<ReferenceMatch> references() {
        Map<String, ReferenceMatch> best = new LinkedHashMap<>();
        items.stream().flatMap(i -> i.references().stream())
                .sorted(Comparator.comparing(ReferenceMatch::foundIn))
                .forEach(m -> best.putIfAbsent(m.reference(), m));
        return List.copyOf(best.values());
    }

    /** The reference to file the input under, when one was found. */
    public Optional<String> reference() {
        return references().stream().findFirst().map(ReferenceMatch::reference);
    }
}

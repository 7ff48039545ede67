package fr.lanterne.web.pages.registry;

import fr.lanterne.registry.HistoryEntry;
import fr.lanterne.shared.Paris;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * A deployment's history as people read it: when, who, what was done, and each field with its value before and
 * after, in the reader's language.
 */
final class HistoryLines {


    /** One change of the history. */
    record Line(ZonedDateTime at, String by, String action, List<Change> changes) {
    }

    /**
     * One field of a change.
     *
     * @param before null when the entry records values rather than a change (a creation, an added source)
     */
    record Change(String field, String before, String after, boolean update) {
    }

    private final MessageSource messages;
    private final Locale locale;

    HistoryLines(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Newest first. */
    List<Line> of(List<HistoryEntry> history) {
        List<Line> lines = new ArrayList<>(history.size());
        for (HistoryEntry entry : history) {
            lines.add(0, new Line(entry.changedAt().atZone(Paris.ZONE), entry.changedBy(),
                    message("registry.history." + entry.action(), entry.action()), changes(entry)));
        }
        return lines;
    }

    private List<Change> changes(HistoryEntry entry) {
        List<Change> changes = new ArrayList<>();
        boolean update = "UPDATED".equals(entry.action());
        entry.changes().forEach((field, value) -> {
            if (update && value instanceof Map<?, ?> change) {
                changes.add(new Change(fieldName(field), value(field, change.get("from")),
                        value(field, change.get("to")), true));
            } else if ("sources".equals(field) && value instanceof List<?> sources) {
                sources.forEach(source -> changes.add(new Change(fieldName("source"), null, value("source", source),
                        false)));
            } else if (value != null) {
                changes.add(new Change(fieldName(field), null, value(field, value), false));
            }
        });
        return changes;
    }

    private String fieldName(String field) {
        return message("registry.field." + field, field);
    }

    /** A value as shown: technologies and statuses by their name, a source by what it holds; null for none. */
    private String value(String field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "technology" -> message("technology." + value, value.toString());
            case "status" -> message("status." + value, value.toString());
            case "source" -> value instanceof Map<?, ?> source ? source.values().stream().filter(Objects::nonNull)
                    .map(Object::toString).collect(Collectors.joining(" — ")) : value.toString();
            default -> value.toString();
        };
    }

    private String message(String code, String fallback) {
        return messages.getMessage(code, null, fallback, locale);
    }
}

package fr.lanterne.letters;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values a template may use, by name. The list is closed so that a typo in a template is caught when the
 * templates load, with its file and line, rather than printed in 35,000 letters.
 */
enum Placeholder {

    AUTHORITY_NAME("authority.name", Type.TEXT, null, Kinds.all()),
    AUTHORITY_ADDRESS("authority.address", Type.TEXT, null, Kinds.all()),
    AUTHORITY_EMAIL("authority.email", Type.TEXT, null, Kinds.all()),
    /** The authority must have a PRADA (CRPA R330-2), who receives the requests (R330-4). */
    AUTHORITY_PRADA("authority.prada", Type.FLAG, null, Kinds.all()),
    /** The authority must, or very likely must, publish online what it communicates (CRPA L312-1-1). */
    AUTHORITY_PUBLICATION("authority.publication", Type.FLAG, null, Kinds.all()),
    REQUESTER_NAME("requester.name", Type.TEXT, null, Kinds.all()),
    REQUESTER_ADDRESS("requester.address", Type.TEXT, null, Kinds.all()),
    /** What R343-1 asks of the requester beyond the name: a legal person's form and representative, a domicile. */
    REQUESTER_DETAILS("requester.details", Type.TEXT, null, Kinds.all()),
    REQUESTER_EMAIL("requester.email", Type.TEXT, null, Kinds.all()),
    REFERENCE("reference", Type.TEXT, null, Kinds.all()),
    DATE("date", Type.TEXT, null, Kinds.all()),
    PLACE("place", Type.TEXT, null, Kinds.all()),

    DOCUMENTS("documents", Type.LIST, null, Kinds.all()),
    DOCUMENT_NUMBER("document.number", Type.TEXT, DOCUMENTS, Kinds.all()),
    DOCUMENT_TEXT("document.text", Type.TEXT, DOCUMENTS, Kinds.all()),

    REQUEST_DATE("request.date", Type.TEXT, null, Kinds.withPriorRequest()),
    REQUEST_RECEIVED_DATE("request.received_date", Type.TEXT, null, Kinds.withPriorRequest()),
    REQUEST_SUBJECT("request.subject", Type.TEXT, null, Kinds.withPriorRequest()),
    REFUSAL_DATE("refusal.date", Type.TEXT, null, Kinds.withPriorRequest()),
    REFUSAL_IMPLICIT("refusal.implicit", Type.FLAG, null, Kinds.withPriorRequest()),
    /** True only when the referral's date is known to be within its safe deadline (CRPA R343-1). */
    REFERRAL_IN_TIME("referral.in_time", Type.FLAG, null, Kinds.referral()),

    SERIES("series", Type.LIST, null, Kinds.withSeries()),
    SERIES_COUNT("series.count", Type.TEXT, null, Kinds.withSeries()),
    ENTRY_NUMBER("entry.number", Type.TEXT, SERIES, Kinds.withSeries()),
    ENTRY_AUTHORITY("entry.authority", Type.TEXT, SERIES, Kinds.withSeries()),
    ENTRY_CONTACT("entry.contact", Type.TEXT, SERIES, Kinds.withSeries()),
    ENTRY_REFERENCE("entry.reference", Type.TEXT, SERIES, Kinds.withSeries()),
    ENTRY_REQUEST_DATE("entry.request_date", Type.TEXT, SERIES, Kinds.withSeries()),
    ENTRY_RECEIVED_DATE("entry.received_date", Type.TEXT, SERIES, Kinds.withSeries()),
    ENTRY_REFUSAL_DATE("entry.refusal_date", Type.TEXT, SERIES, Kinds.withSeries()),
    ENTRY_IMPLICIT("entry.implicit", Type.FLAG, SERIES, Kinds.withSeries()),
    /** The refusal referred, or what became of another request of the series (CRPA L342-1). */
    ENTRY_STATE("entry.state", Type.TEXT, SERIES, Kinds.withSeries()),
    /** True for a refusal the referral is about, false for another request of the series. */
    ENTRY_REFERRED("entry.referred", Type.FLAG, SERIES, Kinds.withSeries()),
    /** How many of the series' requests are refusals the referral is about. */
    SERIES_REFERRED_COUNT("series.referred_count", Type.TEXT, null, Kinds.withSeries());

    /**
     * TEXT: {{x}} writes it, {{#x}}…{{/x}} keeps the text if it is known, {{^x}}…{{/x}} if it is not.
     * FLAG: only {{#x}}…{{/x}} (if true) and {{^x}}…{{/x}} (if false).
     * LIST: {{#x}}…{{/x}} repeats for each item, {{x}} writes the default numbered list.
     */
    enum Type { TEXT, FLAG, LIST }

    private static final Map<String, Placeholder> BY_NAME = new LinkedHashMap<>();

    static {
        for (Placeholder placeholder : values()) {
            BY_NAME.put(placeholder.name, placeholder);
        }
    }

    private final String name;
    private final Type type;
    private final Placeholder list;
    private final Set<TemplateKind> kinds;

    Placeholder(String name, Type type, Placeholder list, Set<TemplateKind> kinds) {
        this.name = name;
        this.type = type;
        this.list = list;
        this.kinds = kinds;
    }

    static Placeholder byName(String name) {
        return BY_NAME.get(name);
    }

    String tag() {
        return "{{" + name + "}}";
    }

    String placeholderName() {
        return name;
    }

    Type type() {
        return type;
    }

    /** The list block this value lives in ({{#documents}} for {{document.text}}), or null at the top level. */
    Placeholder list() {
        return list;
    }

    boolean allowedIn(TemplateKind kind) {
        return kinds.contains(kind);
    }

    /** Which kinds of template may use which values (a class, so the enum constants can refer to it). */
    private enum Kinds {
        ;

        static Set<TemplateKind> all() {
            return EnumSet.allOf(TemplateKind.class);
        }

        static Set<TemplateKind> withPriorRequest() {
            return EnumSet.of(TemplateKind.REMINDER, TemplateKind.REFERRAL, TemplateKind.SERIES_INFORMATION);
        }

        static Set<TemplateKind> referral() {
            return EnumSet.of(TemplateKind.REFERRAL);
        }

        static Set<TemplateKind> withSeries() {
            return EnumSet.of(TemplateKind.SERIES_REFERRAL);
        }
    }
}

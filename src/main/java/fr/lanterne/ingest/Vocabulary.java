package fr.lanterne.ingest;

import fr.lanterne.registry.Technology;
import fr.lanterne.registry.Vendor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the {@link VocabularyDetector} looks for: each vendor, product and technology with the words that name it.
 * Built from the registry's vendors and the synonyms of {@code config/vocabulary.yml}.
 */
record Vocabulary(List<Term> terms) {

    /**
     * One thing to find and its forms. A form in capitals (an acronym: VSA, IBM) matches only in capitals; other forms
     * ignore case and accents; a trailing "(s)" or "(x)" on a word accepts its plural.
     */
    public record Term(Mention.Kind kind, String name, String vendor, Set<Technology> technologies,
            List<String> forms) {
        public Term {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            technologies = Set.copyOf(technologies);
            forms = List.copyOf(forms);
            if (forms.isEmpty()) {
                throw new IllegalArgumentException("A term has at least one form: " + name);
            }
        }
    }

    /** The contents of {@code config/vocabulary.yml}. */
    public record Synonyms(Map<Technology, List<String>> technologies, Map<String, List<String>> vendorSpellings) {
        public Synonyms {
            technologies = Map.copyOf(technologies);
            vendorSpellings = Map.copyOf(vendorSpellings);
        }

        public static Synonyms load(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            }
        }

        static Synonyms parse(InputStream in, String source) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(root instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(source + ": expected 'technologies:' and 'vendors:' sections");
            }
            Map<Technology, List<String>> technologies = new EnumMap<>(Technology.class);
            if (map.get("technologies") instanceof Map<?, ?> section) {
                section.forEach((key, value) -> {
                    Technology technology;
                    try {
                        technology = Technology.valueOf(String.valueOf(key));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(source + ": unknown technology " + key
                                + " (known: " + List.of(Technology.values()) + ")", e);
                    }
                    technologies.put(technology, strings(value, source, String.valueOf(key)));
                });
            }
            Map<String, List<String>> vendors = new LinkedHashMap<>();
            if (map.get("vendors") instanceof Map<?, ?> section) {
                section.forEach((key, value) -> vendors.put(String.valueOf(key),
                        strings(value, source, String.valueOf(key))));
            }
            return new Synonyms(technologies, vendors);
        }

        private static List<String> strings(Object value, String source, String key) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException(source + ": " + key + " must be a list of words");
            }
            return list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    public Vocabulary {
        terms = List.copyOf(terms);
    }

    /** The registry's vendors and their products, and each technology with its label and synonyms. */
    public static Vocabulary of(List<Vendor> vendors, Synonyms synonyms) {
        List<Term> terms = new ArrayList<>();
        for (Technology technology : Technology.values()) {
            List<String> forms = new ArrayList<>();
            forms.add(technology.label());
            forms.addAll(synonyms.technologies().getOrDefault(technology, List.of()));
            terms.add(new Term(Mention.Kind.TECHNOLOGY, technology.name(), null, Set.of(technology),
                    forms.stream().distinct().toList()));
        }
        for (Vendor vendor : vendors) {
            List<String> forms = new ArrayList<>();
            forms.add(vendor.name());
            forms.addAll(synonyms.vendorSpellings().getOrDefault(vendor.name(), List.of()));
            terms.add(new Term(Mention.Kind.VENDOR, vendor.name(), vendor.name(), vendor.technologies(), forms));
            for (String product : vendor.products()) {
                terms.add(new Term(Mention.Kind.PRODUCT, product, vendor.name(), vendor.technologies(),
                        List.of(product)));
            }
        }
        return new Vocabulary(terms);
    }
}

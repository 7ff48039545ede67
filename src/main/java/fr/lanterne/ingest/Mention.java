package fr.lanterne.ingest;

import fr.lanterne.registry.Technology;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A vendor, product or technology named in a document.
 *
 * @param kind         what was named
 * @param name         the registry's name for it: the vendor's or product's name, or the technology's constant
 * @param vendor       for a product, its vendor; for a vendor, its own name; null for a technology
 * @param technologies the technology named, or those the vendor or product is known for
 * @param pages        the pages where it is named, in order
 * @param occurrences  how many times it is named in all
 * @param forms        the words that named it, as written in the document
 */
record Mention(Kind kind, String name, String vendor, Set<Technology> technologies, List<Integer> pages,
        int occurrences, Set<String> forms) {

    public enum Kind { VENDOR, PRODUCT, TECHNOLOGY }

    public Mention {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        technologies = Set.copyOf(technologies);
        pages = List.copyOf(pages);
        forms = Set.copyOf(forms);
    }
}

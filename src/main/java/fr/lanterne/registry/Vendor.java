package fr.lanterne.registry;

import java.util.List;
import java.util.Set;

/** A company that sells surveillance technology, with the products and technologies it is known for. */
public record Vendor(long id, String name, List<String> products, Set<Technology> technologies) {
}

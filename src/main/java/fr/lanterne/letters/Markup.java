package fr.lanterne.letters;

import java.util.List;

/**
 * A parsed template text (a body or a subject): text, values and blocks, ready to fill in many times without
 * parsing again.
 */
final class Markup {

    sealed interface Node permits Literal, Value, Section {
    }

    record Literal(String text) implements Node {
    }

    record Value(Placeholder placeholder, int line) implements Node {
    }

    /** {{#x}}…{{/x}} or, inverted, {{^x}}…{{/x}}. */
    record Section(Placeholder placeholder, boolean inverted, List<Node> children, int line) implements Node {
    }

    /** One item of a list block: its number from 1 and the document or series entry. */
    record Item(int number, Object value) {
    }

    /** Where the values of one letter come from. */
    interface Values {

        /** The text of a TEXT value, or null when the letter does not have it. */
        String text(Placeholder placeholder, Item item);

        boolean flag(Placeholder placeholder, Item item);

        List<Item> items(Placeholder list);

        /** The list as {{documents}} writes it when used without a block. */
        String defaultList(Placeholder list);

        /** The error for a TEXT value the template needs and the letter lacks. */
        RuntimeException missing(Placeholder placeholder, String file, int line);
    }

    private final String file;
    private final List<Node> nodes;

    Markup(String file, List<Node> nodes) {
        this.file = file;
        this.nodes = List.copyOf(nodes);
    }

    String file() {
        return file;
    }

    List<Node> nodes() {
        return nodes;
    }

    String render(Values values) {
        StringBuilder out = new StringBuilder(4096);
        render(nodes, values, null, out);
        return out.toString();
    }

    private void render(List<Node> list, Values values, Item item, StringBuilder out) {
        for (Node node : list) {
            if (node instanceof Literal literal) {
                out.append(literal.text());
            } else if (node instanceof Value value) {
                Placeholder placeholder = value.placeholder();
                if (placeholder.type() == Placeholder.Type.LIST) {
                    out.append(values.defaultList(placeholder));
                } else {
                    String text = values.text(placeholder, item);
                    if (text == null) {
                        throw values.missing(placeholder, file, value.line());
                    }
                    out.append(text);
                }
            } else if (node instanceof Section section) {
                renderSection(section, values, item, out);
            }
        }
    }

    private void renderSection(Section section, Values values, Item item, StringBuilder out) {
        Placeholder placeholder = section.placeholder();
        switch (placeholder.type()) {
            case LIST -> {
                List<Item> items = values.items(placeholder);
                if (section.inverted()) {
                    if (items.isEmpty()) {
                        render(section.children(), values, item, out);
                    }
                } else {
                    for (Item each : items) {
                        render(section.children(), values, each, out);
                    }
                }
            }
            case FLAG -> {
                if (values.flag(placeholder, item) != section.inverted()) {
                    render(section.children(), values, item, out);
                }
            }
            case TEXT -> {
                boolean known = values.text(placeholder, item) != null;
                if (known != section.inverted()) {
                    render(section.children(), values, item, out);
                }
            }
        }
    }
}

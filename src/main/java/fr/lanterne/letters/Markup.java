package fr.lanterne.letters;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A template text (a body or a subject) in Mustache's syntax, compiled once by JMustache and checked by
 * {@link MarkupCheck} when the templates load: ready to fill in many times without parsing again. Thread-safe.
 */
final class Markup {

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

    /** What the template's names are looked up in: a letter's {@link Scope}, or the load-time check's probe. */
    interface Context {

        Object get(String name);
    }

    /**
     * Letters are plain text for a PDF and a text email, never HTML: values go in as typed, unescaped ("l'Hôtel",
     * "R&D" stay so). Names resolve only through {@link Context}, never by reflection; a TEXT value that is known
     * opens its block even when empty, as a value that is not null.
     */
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withEscaper(Escapers.NONE)
            .withCollector(new ContextCollector())
            .withFormatter(value -> value instanceof ItemList list ? list.text() : String.valueOf(value));

    private final Template template;
    private final String file;
    private final int firstLine;

    private Markup(Template template, String file, int firstLine) {
        this.template = template;
        this.file = file;
        this.firstLine = firstLine;
    }

    /**
     * Compiles and checks {@code text}. French typography is applied to the template's own words here, once;
     * values keep the characters they were given. (Applied to the whole text: the tags hold none of the signs it
     * changes, and a tag next to a sign stops the rule as the end of a text would.)
     *
     * @param file how to name the text in errors ("letter-templates/vsa/body.txt")
     * @param firstLine the line number of the text's first line in that file (a YAML value may start further down)
     * @throws LetterTemplateException naming the file and the line of the mistake
     */
    static Markup compile(String text, String file, int firstLine, TemplateKind kind) {
        String source = Typography.apply(text.replace("\r\n", "\n").replace('\r', '\n'));
        MarkupCheck check = new MarkupCheck(source, file, firstLine, kind);
        Template template = check.compile(COMPILER);
        check.names(template);
        return new Markup(template, file, firstLine);
    }

    String file() {
        return file;
    }

    String render(Values values) {
        try {
            return template.execute(new Scope(values, null));
        } catch (MustacheException.Context e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // an error of the values themselves (a nested subject with a missing value)
            }
            Placeholder placeholder = Placeholder.byName(e.key);
            if (placeholder == null) {
                throw e;
            }
            // JMustache refuses to write a null value: that is a value the template needs and the letter lacks.
            throw values.missing(placeholder, file, firstLine - 1 + e.lineNo);
        }
    }

    /** A letter's values and, inside a list block, the current item. */
    private record Scope(Values values, Item item) implements Context {

        @Override
        public Object get(String name) {
            Placeholder placeholder = Placeholder.byName(name);
            return switch (placeholder.type()) {
                case TEXT -> values.text(placeholder, item);
                case FLAG -> values.flag(placeholder, item);
                case LIST -> new ItemList(values, placeholder);
            };
        }
    }

    /** A list: its items in a block, the default numbered list when written as a value ({{documents}}). */
    private record ItemList(Values values, Placeholder list) {

        Iterator<Scope> scopes() {
            return values.items(list).stream().map(item -> new Scope(values, item)).iterator();
        }

        String text() {
            return values.defaultList(list);
        }
    }

    /**
     * Looks names up in a {@link Context} only: in any other context (the text of a value whose block is open)
     * the name is not found, so JMustache looks in the enclosing one, as Mustache does.
     */
    private static final class ContextCollector implements Mustache.Collector {

        private static final Mustache.VariableFetcher FETCHER = (context, name) -> ((Context) context).get(name);

        /** Also JMustache's own empty list, which stands for a null value in a block. */
        @Override
        public Iterator<?> toIterator(Object value) {
            if (value instanceof ItemList list) {
                return list.scopes();
            }
            return value instanceof Iterable<?> iterable ? iterable.iterator() : null;
        }

        @Override
        public Mustache.VariableFetcher createFetcher(Object context, String name) {
            return context instanceof Context ? FETCHER : null;
        }

        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>(); // templates are shared between threads
        }
    }
}

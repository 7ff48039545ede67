package fr.lanterne.letters;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What Lanterne checks on top of Mustache when a template text loads, each mistake reported with the file and the
 * line in words a volunteer can act on: a tag on one line; blocks closed in order (JMustache's parse errors, put
 * in French); and every name a known {@link Placeholder} of this kind of template, a list item's value inside its
 * list's block, a yes/no value only as a block.
 *
 * <p>JMustache's {@link Mustache.Visitor} walks the tags without their lines or where blocks end; so the names are
 * checked by running the template once on a probe that opens every block, inverted or not, and answers each name
 * in the order the visitor met it. A name it refuses fails that run, and JMustache gives the failing tag's line.
 */
final class MarkupCheck {

    private static final Pattern PARSE_ERROR = Pattern.compile("(.*) @ line (\\d+)", Pattern.DOTALL);
    private static final Pattern UNCLOSED = Pattern.compile("(Inverted s|S)ection missing close tag '(.*)'");
    private static final Pattern NOT_OPENED = Pattern.compile("Section close tag with no open tag '(.*)'");
    private static final Pattern MISMATCHED = Pattern.compile(
            "Section close tag with mismatched open tag '(.*)' != '(.*)'");
    /** Names JMustache answers itself, without asking the context: not Lanterne's. */
    private static final Set<String> BUILT_IN_NAMES = Set.of(".", "this", "-first", "-last", "-index");

    private final String source;
    private final String file;
    private final int firstLine;
    private final TemplateKind kind;
    /** The source split once: tags are checked, and errors placed, line by line. */
    private final String[] lines;

    MarkupCheck(String source, String file, int firstLine, TemplateKind kind) {
        this.source = source;
        this.lines = source.split("\n", -1);
        this.file = file;
        this.firstLine = firstLine;
        this.kind = kind;
    }

    /** Checks each tag sits on one line and is not empty, then has JMustache parse the text. */
    Template compile(Mustache.Compiler compiler) {
        for (int i = 0; i < lines.length; i++) {
            checkTagsOfLine(lines[i], firstLine + i);
        }
        try {
            return compiler.compile(source);
        } catch (MustacheException e) {
            throw parseError(e);
        }
    }

    private void checkTagsOfLine(String line, int lineNumber) {
        int position = 0;
        int opening;
        while ((opening = line.indexOf("{{", position)) >= 0) {
            int closing = line.indexOf("}}", opening + 2);
            if (closing < 0) {
                throw LetterTemplateException.at(file, lineNumber, "« {{ » sans « }} » sur la même ligne. "
                        + "Une variable s'écrit {{nom}}, sans retour à la ligne entre les accolades.");
            }
            if (line.substring(opening + 2, closing).isBlank()) {
                throw LetterTemplateException.at(file, lineNumber, "« {{}} » est vide : écrivez le nom d'une "
                        + "variable entre les accolades, par exemple {{authority.name}}.");
            }
            position = closing + 2;
        }
    }

    private LetterTemplateException parseError(MustacheException e) {
        Matcher located = PARSE_ERROR.matcher(String.valueOf(e.getMessage()));
        if (!located.matches()) {
            return LetterTemplateException.in(file, "le modèle est mal formé (" + e.getMessage() + ").");
        }
        String problem = located.group(1);
        int line = Integer.parseInt(located.group(2));
        Matcher matcher = UNCLOSED.matcher(problem);
        if (matcher.matches()) {
            String name = matcher.group(2);
            return LetterTemplateException.at(file, firstLine - 1 + line, "le bloc {{"
                    + (matcher.group(1).startsWith("I") ? "^" : "#") + name + "}} n'est jamais fermé : ajoutez {{/"
                    + name + "}} à la fin du texte qu'il contient.");
        }
        matcher = NOT_OPENED.matcher(problem);
        if (matcher.matches()) {
            String name = matcher.group(1);
            return LetterTemplateException.at(file, firstLine - 1 + line, "{{/" + name + "}} ferme un bloc qui n'a "
                    + "pas été ouvert : il manque {{#" + name + "}} plus haut, ou ce {{/…}} est de trop.");
        }
        matcher = MISMATCHED.matcher(problem);
        if (matcher.matches()) {
            String closed = matcher.group(1);
            String open = matcher.group(2);
            String opening = "{{#" + open + "}}";
            int openLine = 0;
            // JMustache names the open block but not its line: the last tag opening it above is the one.
            for (int i = line - 2; i >= 0 && openLine == 0; i--) {
                Matcher tag = blockTag(open).matcher(lines[i]);
                if (tag.find()) {
                    openLine = firstLine + i;
                    opening = "{{" + tag.group(1) + open + "}}";
                }
            }
            return LetterTemplateException.at(file, firstLine - 1 + line, "{{/" + closed + "}} arrive alors que le "
                    + "bloc " + opening + (openLine > 0 ? " ouvert ligne " + openLine : "") + " n'est pas fermé : "
                    + "fermez d'abord {{/" + open + "}}.");
        }
        return LetterTemplateException.at(file, firstLine - 1 + line, "le modèle est mal formé (" + problem + ").");
    }

    private static Pattern blockTag(String name) {
        return Pattern.compile("\\{\\{\\s*([#^])\\s*" + Pattern.quote(name) + "\\s*}}");
    }

    /** Checks every name of the compiled template (see the class comment). */
    void names(Template template) {
        List<Use> uses = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                uses.add(new Use(name, false, false));
            }

            @Override
            public boolean visitInclude(String name) {
                throw unsupported("{{>" + name + "}}", "Lanterne n'inclut pas d'autre modèle");
            }

            @Override
            public boolean visitParent(String name) {
                throw unsupported("{{<" + name + "}}", "Lanterne n'inclut pas d'autre modèle");
            }

            @Override
            public boolean visitBlock(String name) {
                throw unsupported("{{$" + name + "}}", "ce bloc sert aux modèles inclus, que Lanterne n'a pas");
            }

            @Override
            public boolean visitSection(String name) {
                uses.add(new Use(name, true, false));
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                uses.add(new Use(name, true, true));
                return true;
            }
        });
        for (Use use : uses) {
            if (BUILT_IN_NAMES.contains(use.name())) {
                throw LetterTemplateException.at(file, lineOf(use.name()), unknown(use.name(), new ArrayDeque<>()));
            }
        }
        Probe probe = new Probe(uses);
        try {
            template.execute(probe, Writer.nullWriter());
        } catch (MustacheException.Context e) {
            if (e.getCause() instanceof Refused refused) {
                throw LetterTemplateException.at(file, firstLine - 1 + e.lineNo, refused.getMessage());
            }
            throw e;
        }
        if (probe.next != uses.size()) {
            throw new IllegalStateException("The check of " + file + " met " + probe.next + " of its "
                    + uses.size() + " tags");
        }
    }

    /** One tag with a name, in the order of the text: a value, a block, or an inverted block. */
    private record Use(String name, boolean block, boolean inverted) {
    }

    /** A tag's name that the probe refuses, with the reason; JMustache wraps it with the tag's line. */
    private static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Stands for a letter when the template is run once at load time; see the class comment. */
    private final class Probe implements Markup.Context {

        private final List<Use> uses;
        private final Deque<Block> open = new ArrayDeque<>();
        private int next;

        Probe(List<Use> uses) {
            this.uses = uses;
        }

        /** Moves to the next tag only on success: after a failure JMustache asks again for the same tag. */
        @Override
        public Object get(String name) {
            Use use = uses.get(next);
            if (!use.name().equals(name)) {
                throw new IllegalStateException("The check of " + file + " expected {{" + use.name() + "}}, not {{"
                        + name + "}}");
            }
            Placeholder placeholder = Placeholder.byName(name);
            if (placeholder == null) {
                throw new Refused(unknown(name, open));
            }
            if (!placeholder.allowedIn(kind)) {
                throw new Refused(placeholder.tag() + " ne s'utilise pas dans un modèle de type " + kind + " ("
                        + kind.label() + "). Variables possibles ici : " + allowedHere(open) + ".");
            }
            if (placeholder.list() != null && !isOpen(placeholder.list(), open)) {
                String list = placeholder.list().placeholderName();
                throw new Refused(placeholder.tag() + " s'utilise seulement entre {{#" + list + "}} et {{/" + list
                        + "}}.");
            }
            if (!use.block() && placeholder.type() == Placeholder.Type.FLAG) {
                throw new Refused(placeholder.tag() + " vaut oui ou non : il s'utilise en bloc, {{#" + name
                        + "}}texte si oui{{/" + name + "}} ou {{^" + name + "}}texte si non{{/" + name + "}}.");
            }
            next++;
            return use.block() ? new Block(placeholder, use.inverted()) : "";
        }

        /** A block of the probe run: its text is read once, whether the block is inverted or not. */
        private final class Block implements Mustache.InvertibleLambda {

            private final Placeholder placeholder;
            private final boolean inverted;

            Block(Placeholder placeholder, boolean inverted) {
                this.placeholder = placeholder;
                this.inverted = inverted;
            }

            @Override
            public void execute(Template.Fragment fragment, Writer out) {
                open.push(this);
                fragment.execute(out);
                open.pop();
            }

            @Override
            public void executeInverse(Template.Fragment fragment, Writer out) {
                execute(fragment, out);
            }
        }
    }

    private String unknown(String name, Deque<Probe.Block> open) {
        return "la variable {{" + name + "}} n'existe pas. Variables possibles ici : " + allowedHere(open)
                + ". Voir letter-templates/README.md.";
    }

    private static boolean isOpen(Placeholder list, Deque<Probe.Block> open) {
        return open.stream().anyMatch(block -> block.placeholder == list && !block.inverted);
    }

    private String allowedHere(Deque<Probe.Block> open) {
        return Arrays.stream(Placeholder.values())
                .filter(placeholder -> placeholder.allowedIn(kind))
                .filter(placeholder -> placeholder.list() == null || isOpen(placeholder.list(), open))
                .map(placeholder -> placeholder.type() == Placeholder.Type.FLAG
                        ? "{{#" + placeholder.placeholderName() + "}}" : placeholder.tag())
                .collect(Collectors.joining(", "));
    }

    private LetterTemplateException unsupported(String tag, String reason) {
        return LetterTemplateException.at(file, lineOf(tag.substring(3, tag.length() - 2)), "« " + tag + " » : "
                + reason + ". Écrivez le texte dans ce modèle-ci.");
    }

    /** For the rare tags JMustache reports without asking the context: the first line that holds the name. */
    private int lineOf(String name) {
        Pattern tag = Pattern.compile("\\{\\{\\W*" + Pattern.quote(name) + "\\s*}}");
        for (int i = 0; i < lines.length; i++) {
            if (tag.matcher(lines[i]).find()) {
                return firstLine + i;
            }
        }
        return 0;
    }
}

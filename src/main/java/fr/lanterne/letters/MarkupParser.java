package fr.lanterne.letters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the placeholder syntax of letter templates: {{name}}, {{#name}}…{{/name}}, {{^name}}…{{/name}}. A tag sits on
 * one line; a block tag alone on its line takes the line with it, so blocks leave no blank lines behind. Every
 * mistake is reported with the file and the line, in words a volunteer can act on.
 */
final class MarkupParser {

    private final String file;
    private final TemplateKind kind;
    private final List<Markup.Node> root = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private final StringBuilder pending = new StringBuilder();

    /** A block whose closing tag has not been read yet. */
    private record Open(Placeholder placeholder, boolean inverted, int line, List<Markup.Node> children) {
    }

    private MarkupParser(String file, TemplateKind kind) {
        this.file = file;
        this.kind = kind;
    }

    /**
     * @param file how to name the text in errors ("letter-templates/vsa/body.txt")
     * @param firstLine the line number of the text's first line in that file (a YAML value may start further down)
     */
    static Markup parse(String text, String file, int firstLine, TemplateKind kind) {
        return new MarkupParser(file, kind).run(text, firstLine);
    }

    private Markup run(String text, int firstLine) {
        String source = text.replace("\r\n", "\n").replace('\r', '\n');
        int start = 0;
        int lineNumber = firstLine;
        while (start <= source.length()) {
            int end = source.indexOf('\n', start);
            boolean newline = end >= 0;
            String line = newline ? source.substring(start, end) : source.substring(start);
            if (isStandaloneBlockTag(line)) {
                String trimmed = line.strip();
                tag(trimmed.substring(2, trimmed.length() - 2), lineNumber);
            } else {
                line(line, lineNumber);
                if (newline) {
                    pending.append('\n');
                }
            }
            if (!newline) {
                break;
            }
            start = end + 1;
            lineNumber++;
        }
        if (!open.isEmpty()) {
            Open block = open.peek();
            throw LetterTemplateException.at(file, block.line(), "le bloc {{" + (block.inverted() ? "^" : "#")
                    + block.placeholder().placeholderName() + "}} n'est jamais fermé : ajoutez {{/"
                    + block.placeholder().placeholderName() + "}} à la fin du texte qu'il contient.");
        }
        flushText();
        return new Markup(file, root);
    }

    private static boolean isStandaloneBlockTag(String line) {
        String trimmed = line.strip();
        if (trimmed.length() < 5 || !trimmed.startsWith("{{") || !trimmed.endsWith("}}")
                || trimmed.indexOf("{{", 2) >= 0) {
            return false;
        }
        String inner = trimmed.substring(2).stripLeading();
        return !inner.isEmpty() && (inner.charAt(0) == '#' || inner.charAt(0) == '^' || inner.charAt(0) == '/');
    }

    private void line(String line, int lineNumber) {
        int position = 0;
        while (true) {
            int opening = line.indexOf("{{", position);
            if (opening < 0) {
                pending.append(line, position, line.length());
                return;
            }
            pending.append(line, position, opening);
            int closing = line.indexOf("}}", opening + 2);
            if (closing < 0) {
                throw LetterTemplateException.at(file, lineNumber, "« {{ » sans « }} » sur la même ligne. "
                        + "Une variable s'écrit {{nom}}, sans retour à la ligne entre les accolades.");
            }
            tag(line.substring(opening + 2, closing), lineNumber);
            position = closing + 2;
        }
    }

    private void tag(String content, int lineNumber) {
        String tag = content.strip();
        if (tag.isEmpty()) {
            throw LetterTemplateException.at(file, lineNumber, "« {{}} » est vide : écrivez le nom d'une variable "
                    + "entre les accolades, par exemple {{authority.name}}.");
        }
        char sign = tag.charAt(0);
        boolean block = sign == '#' || sign == '^' || sign == '/';
        String name = block ? tag.substring(1).strip() : tag;
        Placeholder placeholder = Placeholder.byName(name);
        if (placeholder == null) {
            throw LetterTemplateException.at(file, lineNumber, "la variable {{" + name + "}} n'existe pas. "
                    + "Variables possibles ici : " + allowedHere() + ". Voir letter-templates/README.md.");
        }
        if (!placeholder.allowedIn(kind)) {
            throw LetterTemplateException.at(file, lineNumber, placeholder.tag() + " ne s'utilise pas dans un "
                    + "modèle de type " + kind + " (" + kind.label() + "). Variables possibles ici : "
                    + allowedHere() + ".");
        }
        if (placeholder.list() != null && !isOpen(placeholder.list())) {
            String list = placeholder.list().placeholderName();
            throw LetterTemplateException.at(file, lineNumber, placeholder.tag() + " s'utilise seulement entre "
                    + "{{#" + list + "}} et {{/" + list + "}}.");
        }
        if (sign == '#' || sign == '^') {
            flushText();
            open.push(new Open(placeholder, sign == '^', lineNumber, new ArrayList<>()));
        } else if (sign == '/') {
            close(placeholder, lineNumber);
        } else if (placeholder.type() == Placeholder.Type.FLAG) {
            throw LetterTemplateException.at(file, lineNumber, placeholder.tag() + " vaut oui ou non : il "
                    + "s'utilise en bloc, {{#" + name + "}}texte si oui{{/" + name + "}} ou {{^" + name
                    + "}}texte si non{{/" + name + "}}.");
        } else {
            flushText();
            current().add(new Markup.Value(placeholder, lineNumber));
        }
    }

    private void close(Placeholder placeholder, int lineNumber) {
        if (open.isEmpty()) {
            throw LetterTemplateException.at(file, lineNumber, "{{/" + placeholder.placeholderName()
                    + "}} ferme un bloc qui n'a pas été ouvert : il manque {{#" + placeholder.placeholderName()
                    + "}} plus haut, ou ce {{/…}} est de trop.");
        }
        Open block = open.peek();
        if (block.placeholder() != placeholder) {
            throw LetterTemplateException.at(file, lineNumber, "{{/" + placeholder.placeholderName()
                    + "}} arrive alors que le bloc {{" + (block.inverted() ? "^" : "#")
                    + block.placeholder().placeholderName() + "}} ouvert ligne " + block.line()
                    + " n'est pas fermé : fermez d'abord {{/" + block.placeholder().placeholderName() + "}}.");
        }
        flushText();
        open.pop();
        current().add(new Markup.Section(block.placeholder(), block.inverted(), block.children(), block.line()));
    }

    private boolean isOpen(Placeholder list) {
        for (Open block : open) {
            if (block.placeholder() == list && !block.inverted()) {
                return true;
            }
        }
        return false;
    }

    private List<Markup.Node> current() {
        return open.isEmpty() ? root : open.peek().children();
    }

    private void flushText() {
        if (pending.length() > 0) {
            current().add(new Markup.Literal(Typography.apply(pending.toString())));
            pending.setLength(0);
        }
    }

    private String allowedHere() {
        return Arrays.stream(Placeholder.values())
                .filter(placeholder -> placeholder.allowedIn(kind))
                .filter(placeholder -> placeholder.list() == null || isOpen(placeholder.list()))
                .map(placeholder -> placeholder.type() == Placeholder.Type.FLAG
                        ? "{{#" + placeholder.placeholderName() + "}}" : placeholder.tag())
                .collect(Collectors.joining(", "));
    }
}

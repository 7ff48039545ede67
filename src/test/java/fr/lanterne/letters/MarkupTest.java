package fr.lanterne.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template language's corners that the shipped templates do not all reach (indented block lines, inline
 * blocks, a value known but empty, nested blocks, Windows line ends, a block that closes at the end of the text),
 * rendered character for character as recorded in {@code src/test/resources/letters/markup/}. Record again with
 * {@code -Dlanterne.letters.record=true} after a deliberate change.
 */
class MarkupTest {

    private static final Path EXPECTED = Path.of("src/test/resources/letters/markup");

    private static final String TEXT = """
            Début {{#authority.email}}[{{authority.email}}]{{/authority.email}} fin, l'an 2026.
              {{#refusal.implicit}}
              Indenté : oui ; « x » n° 3 ! 10 € ?
              {{/refusal.implicit}}
            {{^refusal.implicit}}non{{/refusal.implicit}}
            {{#documents}}
            {{document.number}}) {{document.text}}
              {{^authority.address}}
               sans adresse
              {{/authority.address}}
            {{/documents}}
            {{documents}}
              {{#requester.details}}  {{requester.details}}  {{/requester.details}}\s\s
            {{^documents}}vide{{/documents}}
            {{ reference }} et {{# authority.name }}{{authority.name}}{{/ authority.name }}

            Fin{{#authority.name}}
            {{/authority.name}}""";

    @ParameterizedTest
    @ValueSource(strings = {"yes-lf", "no-lf", "yes-crlf", "no-crlf"})
    void rendersTheRecordedText(String variant) throws IOException {
        String source = variant.endsWith("crlf") ? TEXT.replace("\n", "\r\n") : TEXT;
        Markup markup = Markup.compile(source, "essai/body.txt", 1, TemplateKind.REMINDER);

        String text = markup.render(new StubValues(variant.startsWith("yes")));

        Path expected = EXPECTED.resolve("edge-cases--" + variant + ".txt");
        if (Boolean.getBoolean("lanterne.letters.record")) {
            Files.writeString(expected, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    private record StubValues(boolean implicit) implements Markup.Values {

        @Override
        public String text(Placeholder placeholder, Markup.Item item) {
            return switch (placeholder) {
                case AUTHORITY_EMAIL -> "";
                case AUTHORITY_NAME -> "Mairie de Nice";
                case REQUESTER_DETAILS -> "Association\nreprésentée par Dominique Roux";
                case REFERENCE -> "LNT-2026-000123";
                case DOCUMENT_NUMBER -> Integer.toString(item.number());
                case DOCUMENT_TEXT -> (String) item.value();
                default -> null;
            };
        }

        @Override
        public boolean flag(Placeholder placeholder, Markup.Item item) {
            return implicit;
        }

        @Override
        public List<Markup.Item> items(Placeholder list) {
            return List.of(new Markup.Item(1, "le premier ;"), new Markup.Item(2, "le second."));
        }

        @Override
        public String defaultList(Placeholder list) {
            return "1. le premier ;\n\n2. le second.";
        }

        @Override
        public RuntimeException missing(Placeholder placeholder, String file, int line) {
            return new IllegalStateException(placeholder + " missing at " + file + ":" + line);
        }
    }
}

package fr.lanterne.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.registry.Technology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterTemplatesTest {

    private static final String REQUEST_YAML = """
            id: essai
            title: Essai
            kind: REQUEST
            technologies: [CCTV]
            subject: Demande – essai
            documents:
              - le premier document ;
              - le second document.
            """;

    @TempDir
    Path folder;

    @Test
    void loadsEveryShippedTemplate() {
        LetterTemplates templates = Fixtures.shippedTemplates();

        assertThat(templates.ids()).contains("vsa", "cctv", "drones-sound", "information-serie", "relance", "saisine-cada",
                "saisine-cada-serie");
        assertThat(templates.get("vsa").kind()).isEqualTo(TemplateKind.REQUEST);
        assertThat(templates.get("vsa").technologies()).contains(Technology.VSA);
        assertThat(templates.get("cctv").technologies()).containsExactly(Technology.CCTV);
        assertThat(templates.get("drones-sound").technologies())
                .containsExactlyInAnyOrder(Technology.DRONES, Technology.SOUND_SENSORS);
        assertThat(templates.get("relance").kind()).isEqualTo(TemplateKind.REMINDER);
        assertThat(templates.get("saisine-cada").kind()).isEqualTo(TemplateKind.REFERRAL);
        assertThat(templates.get("saisine-cada-serie").kind()).isEqualTo(TemplateKind.SERIES_REFERRAL);
        assertThat(templates.ofKind(TemplateKind.REQUEST)).extracting(LetterTemplate::id)
                .containsExactly("cctv", "drones-sound", "publication", "vsa");
    }

    @Test
    void theReadmeExplainsThePublicationTemplateAndThePradaLine() throws IOException {
        String readme = java.nio.file.Files.readString(Fixtures.TEMPLATES_FOLDER.resolve("README.md"));
        assertThat(readme).contains("| `publication` | `REQUEST` |", "L312-1-2", "{{#authority.prada}}",
                "{{#authority.publication}}", "À l'attention de la personne responsable de l'accès aux documents "
                        + "administratifs", "R330-4", "population municipale", "D312-1-1-1");
    }

    @Test
    void thePublicationTemplateAsksToPublishWhatWasCommunicatedCitingTheCrpa() {
        LetterTemplate publication = Fixtures.shippedTemplates().get("publication");
        assertThat(publication.kind()).isEqualTo(TemplateKind.REQUEST);
        assertThat(publication.technologies()).containsExactlyInAnyOrder(Technology.values());
        assertThat(publication.documents()).hasSize(2);
        assertThat(String.join(" ", publication.legalBasis())).contains("L312-1-1", "L312-1-2", "D312-1-1-1");
        String body = String.join("\n", Fixtures.letters().compose("publication", Fixtures.request()).body());
        assertThat(body).contains("L312-1-1, 1°", "L312-1-2", "occultation", "D312-1-1-1", "500 habitants",
                "l’adresse internet à laquelle ces documents sont ou seront publiés", "LNT-2026-000123");
    }

    @Test
    void requestTemplatesListTheirDocumentsWithFrenchTypography() {
        LetterTemplate vsa = Fixtures.shippedTemplates().get("vsa");

        assertThat(vsa.documents()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(String.join(" ", vsa.documents())).contains("CCTP", "AIPD", "CNIL", "conventions",
                "délibérations", "manuels", "factures", "l’expérimentation").doesNotContain("'");
        assertThat(vsa.documents().get(0)).endsWith("\u202F;").doesNotContain("\n");
    }

    /**
     * CRPA R343-1 sets both the referral's deadline and its content (object, requester, copy of the request or the
     * refusal); R343-2 is the administration's duty to brief the CADA and has no place in the requester's letter.
     */
    @Test
    void referralsCiteR3431ForTheirContent() {
        for (String id : List.of("saisine-cada", "saisine-cada-serie")) {
            List<String> basis = Fixtures.shippedTemplates().get(id).legalBasis();
            assertThat(basis).as(id).anySatisfy(line -> assertThat(line).startsWith("CRPA R343-1 ")
                    .contains("contenu de la saisine"));
            assertThat(basis).as(id).noneSatisfy(line -> assertThat(line).contains("R343-2"));
        }
    }

    @Test
    void referralsGoToTheCada() {
        Addressee cada = Fixtures.shippedTemplates().get("saisine-cada").recipient();

        assertThat(cada.name()).isEqualTo("Commission d’accès aux documents administratifs (CADA)");
        assertThat(cada.postalAddress()).isEqualTo("20 avenue de Ségur\nTSA 50730\n75334 Paris Cedex 07");
        assertThat(cada.email()).isEqualTo("cada@cada.fr");
        assertThat(Fixtures.shippedTemplates().get("saisine-cada-serie").recipient()).isEqualTo(cada);
    }

    @Test
    void thePackagedCopyHoldsTheSameTemplates() {
        LetterTemplates packaged = LetterTemplates.packaged();

        assertThat(packaged.ids()).isEqualTo(Fixtures.shippedTemplates().ids());
        assertThat(packaged.all()).isEqualTo(Fixtures.shippedTemplates().all());
        assertThat(LetterTemplates.loadOrPackaged(folder.resolve("absent")).ids()).isEqualTo(packaged.ids());
    }

    @Test
    void anUnknownTemplateListsTheOnesThatExist() {
        assertThatThrownBy(() -> Fixtures.shippedTemplates().get("videosurveillance"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Le modèle de lettre « videosurveillance » n'existe pas. Modèles disponibles : cctv, "
                        + "drones-sound, information-serie, publication, relance, saisine-cada, saisine-cada-serie, "
                        + "vsa.");
    }

    @Test
    void anUnknownPlaceholderNamesTheFileAndTheLine() throws IOException {
        write("essai", REQUEST_YAML, "Madame, Monsieur,\n\nJe demande à {{authority.nom}} :\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .isInstanceOf(LetterTemplateException.class)
                .hasMessageStartingWith(folder.getFileName() + "/essai/body.txt, ligne 3 : la variable "
                        + "{{authority.nom}} n'existe pas. Variables possibles ici : {{authority.name}}")
                .satisfies(e -> assertThat(((LetterTemplateException) e).details())
                        .containsEntry("file", folder.getFileName() + "/essai/body.txt").containsEntry("line", 3));
    }

    @Test
    void anUnclosedBlockNamesTheLineWhereItOpens() throws IOException {
        write("essai", REQUEST_YAML, "Madame,\n\n{{#documents}}\n{{document.text}}\n\nFin.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .isInstanceOf(LetterTemplateException.class)
                .hasMessage(folder.getFileName() + "/essai/body.txt, ligne 3 : le bloc {{#documents}} n'est jamais "
                        + "fermé : ajoutez {{/documents}} à la fin du texte qu'il contient.");
    }

    @Test
    void aBlockClosedOutOfOrderIsReported() throws IOException {
        write("essai", REQUEST_YAML, "{{#documents}}\n{{#authority.email}}\n{{/documents}}\n{{/authority.email}}\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("body.txt, ligne 3 : {{/documents}} arrive alors que le bloc "
                        + "{{#authority.email}} ouvert ligne 2 n'est pas fermé");
    }

    @Test
    void aListItemValueOutsideItsBlockIsReported() throws IOException {
        write("essai", REQUEST_YAML, "Voici : {{document.text}}\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("ligne 1 : {{document.text}} s'utilise seulement entre {{#documents}} et "
                        + "{{/documents}}.");
    }

    @Test
    void aBlockClosedWithoutBeingOpenedIsReported() throws IOException {
        write("essai", REQUEST_YAML, "Madame,\n\n{{documents}}\n{{/documents}}\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("body.txt, ligne 4 : {{/documents}} ferme un bloc qui n'a pas été ouvert");
    }

    @Test
    void anUnclosedInvertedBlockIsNamedAsWritten() throws IOException {
        write("essai", REQUEST_YAML, "Madame,\n{{#documents}}\n{{document.text}}\n{{/documents}}\n"
                + "{{^authority.email}}\nSans courriel.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("body.txt, ligne 5 : le bloc {{^authority.email}} n'est jamais fermé");
    }

    @Test
    void aTagMustCloseOnItsLineAndNameSomething() throws IOException {
        write("essai", REQUEST_YAML, "Madame,\n\nÀ {{authority.name\n}} et {{authority.email}}.\n");
        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("body.txt, ligne 3 : « {{ » sans « }} » sur la même ligne.");

        write("essai", REQUEST_YAML, "Madame,\n{{ }}\n");
        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("body.txt, ligne 2 : « {{}} » est vide");
    }

    /** The probe that checks names follows blocks: the same name is refused or not depending on where it is. */
    @Test
    void namesAreCheckedWhereTheyStandInsideBlocks() throws IOException {
        write("essai", REQUEST_YAML, "{{#documents}}\n{{document.text}}{{^authority.email}}{{document.number}}"
                + "{{/authority.email}}\n{{/documents}}\n{{^documents}}\n{{document.text}}\n{{/documents}}\n");
        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("ligne 5 : {{document.text}} s'utilise seulement entre {{#documents}}");

        write("essai", REQUEST_YAML.replace("kind: REQUEST", "kind: REMINDER").replace("""
                documents:
                  - le premier document ;
                  - le second document.
                """, ""), "{{#refusal.implicit}}\nOui.\n{{/refusal.implicit}}\n{{^request.received_date}}\n"
                + "Le {{refusal.implicit}}\n{{/request.received_date}}\n");
        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("ligne 5 : {{refusal.implicit}} vaut oui ou non");

        write("essai", REQUEST_YAML, "{{#documents}}\n{{document.texte}}\n{{/documents}}\n");
        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("ligne 2 : la variable {{document.texte}} n'existe pas. Variables possibles "
                        + "ici : {{authority.name}}")
                .hasMessageContaining("{{document.number}}, {{document.text}}");
    }

    /** Mustache's own extras that Lanterne does not use are refused, not silently printed as nothing. */
    @Test
    void mustacheNamesAndPartialsOutsideLanternesListAreRefused() throws IOException {
        write("essai", REQUEST_YAML, "Madame,\n\n{{#documents}}{{-index}}{{/documents}}\n");
        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("body.txt, ligne 3 : la variable {{-index}} n'existe pas.");

        write("essai", REQUEST_YAML, "Madame,\n{{> signature}}\n");
        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("body.txt, ligne 2 : « {{>signature}} » : Lanterne n'inclut pas d'autre modèle");
    }

    /** Letters are not HTML: what a value holds is printed as it is. */
    @Test
    void valuesAreNotEscaped() throws IOException {
        write("essai", REQUEST_YAML, "À {{authority.name}}, {{! une note pour les bénévoles }}pour {{place}}.\n");
        Letters letters = new Letters(LetterTemplates.load(folder), Fixtures.CLOCK);
        LetterContext context = LetterContext.request(Fixtures.CAMILLE, new Addressee("Syndicat \"R&D\" <Est>",
                null, "contact@syndicat.example"), Fixtures.REFERENCE, Fixtures.TODAY, "L'Haÿ-les-Roses");

        assertThat(letters.compose("essai", context).body())
                .containsExactly("À Syndicat \"R&D\" <Est>, pour L'Haÿ-les-Roses.");
    }

    @Test
    void aValueOfAnotherKindOfTemplateIsReported() throws IOException {
        write("essai", REQUEST_YAML, "Madame,\n\nRefus du {{refusal.date}}.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("ligne 3 : {{refusal.date}} ne s'utilise pas dans un modèle de type REQUEST");
    }

    @Test
    void aYesNoValueMustBeABlock() throws IOException {
        write("essai", REQUEST_YAML.replace("kind: REQUEST", "kind: REMINDER").replace("""
                documents:
                  - le premier document ;
                  - le second document.
                """, ""), "Implicite : {{refusal.implicit}}\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("ligne 1 : {{refusal.implicit}} vaut oui ou non");
    }

    @Test
    void anUnknownPlaceholderInTheSubjectNamesTheYamlLine() throws IOException {
        write("essai", REQUEST_YAML.replace("subject: Demande – essai", "subject: Demande à {{mairie}}"), "Texte.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageStartingWith(folder.getFileName() + "/essai/template.yaml, ligne 5 : la variable "
                        + "{{mairie}} n'existe pas.");
    }

    @Test
    void aTypoInAFieldNameIsReported() throws IOException {
        write("essai", REQUEST_YAML.replace("documents:", "document:"), "Texte.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("template.yaml, ligne 6 : champ « document » inconnu.");
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        write("essai", REQUEST_YAML.replace("  - le second document.", "  - le second\n - document"), "Texte.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("template.yaml, ligne 9 : le YAML est mal formé");
    }

    @Test
    void aColonInADocumentExplainsTheQuotes() throws IOException {
        write("essai", REQUEST_YAML.replace("  - le second document.", "  - les documents suivants : un, deux"),
                "Texte.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("template.yaml, ligne 8 : dans « documents », le texte qui commence par « les "
                        + "documents suivants » contient « : » suivi d'une espace");
    }

    @Test
    void theIdMustBeTheFolderName() throws IOException {
        write("autre", REQUEST_YAML, "Texte.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("l'identifiant « essai » doit être le nom du dossier du modèle, « autre ».");
    }

    @Test
    void anUnknownKindListsTheKinds() throws IOException {
        write("essai", REQUEST_YAML.replace("kind: REQUEST", "kind: DEMANDE"), "Texte.\n");

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("kind « DEMANDE » inconnu. Valeurs possibles : REQUEST (demande), REMINDER");
    }

    @Test
    void aTemplateFolderNeedsBothFiles() throws IOException {
        Files.createDirectories(folder.resolve("essai"));
        Files.writeString(folder.resolve("essai/template.yaml"), REQUEST_YAML);

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("essai/ : un dossier de modèle contient template.yaml et body.txt");
    }

    @Test
    void draftsInADotFolderAreIgnored() throws IOException {
        write("essai", REQUEST_YAML, "Texte.\n");
        Files.createDirectories(folder.resolve(".brouillons"));

        assertThat(LetterTemplates.load(folder).ids()).containsExactly("essai");
    }

    @Test
    void aFileThatIsNotUtf8IsReported() throws IOException {
        write("essai", REQUEST_YAML, "");
        Files.write(folder.resolve("essai/body.txt"), "Très cher".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .hasMessageContaining("body.txt : le fichier n'est pas en UTF-8.");
    }

    @Test
    void anEmptyFolderIsReported() {
        assertThatThrownBy(() -> LetterTemplates.load(folder))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Aucun modèle de lettre dans le dossier");
    }

    private void write(String id, String yaml, String body) throws IOException {
        Path template = Files.createDirectories(folder.resolve(id));
        Files.writeString(template.resolve("template.yaml"), yaml);
        Files.writeString(template.resolve("body.txt"), body);
    }
}

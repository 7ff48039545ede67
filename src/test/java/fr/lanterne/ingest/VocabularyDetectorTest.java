package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fr.lanterne.registry.Technology;
import fr.lanterne.registry.Vendor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VocabularyDetectorTest {

    private static VocabularyDetector detector;

    @BeforeAll
    static void setUp() throws Exception {
        Vocabulary.Synonyms synonyms = Vocabulary.Synonyms.load(Path.of("config", "vocabulary.yml"));
        List<Vendor> vendors = List.of(
                new Vendor(1, "Briefcam", List.of(), Set.of(Technology.VSA)),
                new Vendor(2, "Wintics", List.of("Cityvision"), Set.of(Technology.VSA)),
                new Vendor(3, "IBM", List.of(), Set.of(Technology.VSA)),
                new Vendor(4, "XXII", List.of(), Set.of(Technology.VSA)),
                new Vendor(5, "Serenicity", List.of(), Set.of(Technology.SOUND_SENSORS, Technology.DRONES)));
        detector = new VocabularyDetector(Vocabulary.of(vendors, synonyms));
    }

    private static Mention mention(List<Mention> mentions, String name) {
        return mentions.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not found in " + mentions));
    }

    private static List<String> names(List<Mention> mentions) {
        return mentions.stream().map(Mention::name).toList();
    }

    @Test
    void finds_vendors_products_and_technologies_with_their_pages() {
        List<Mention> mentions = detector.detect(List.of(
                "Le système de VIDÉOPROTECTION compte 40 caméras.",
                "Le logiciel Cityvision de la société Wintics assure la vidéosurveillance algorithmique.",
                "Des drones et des capteurs sonores fournis par SERENICITY complètent le dispositif."));

        assertThat(mention(mentions, "CCTV").pages()).containsExactly(1);
        assertThat(mention(mentions, "CCTV").forms()).containsExactlyInAnyOrder("système de VIDÉOPROTECTION", "caméras");
        assertThat(mention(mentions, "VSA").pages()).containsExactly(2);
        assertThat(mention(mentions, "Cityvision")).satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mention.Kind.PRODUCT);
            assertThat(m.vendor()).isEqualTo("Wintics");
            assertThat(m.technologies()).containsExactly(Technology.VSA);
        });
        assertThat(mention(mentions, "Wintics").kind()).isEqualTo(Mention.Kind.VENDOR);
        assertThat(mention(mentions, "DRONES").pages()).containsExactly(3);
        assertThat(mention(mentions, "SOUND_SENSORS").pages()).containsExactly(3);
        assertThat(mention(mentions, "Serenicity").pages()).containsExactly(3);
    }

    @Test
    void the_longer_phrase_wins_where_two_overlap() {
        List<Mention> mentions = detector.detect(List.of("Expérimentation de vidéosurveillance algorithmique."));

        assertThat(names(mentions)).containsExactly("VSA");
    }

    @Test
    void names_are_found_as_whole_words_only() {
        assertThat(detector.detect(List.of("Le caméraman de ibmsoft filme les microdrones de Wintics2."))).isEmpty();
    }

    @Test
    void acronyms_match_in_capitals_only() {
        assertThat(names(detector.detect(List.of("La VSA et le logiciel d'IBM.")))).containsExactlyInAnyOrder("VSA", "IBM");
        assertThat(detector.detect(List.of("vsa ibm"))).isEmpty();
    }

    @Test
    void a_roman_numeral_is_not_the_vendor_xxii() {
        assertThat(detector.detect(List.of("Conformément à l'article XXII du CCAP et au chapitre XXII, au XXIIe siècle.")))
                .isEmpty();
        assertThat(names(detector.detect(List.of("La société XXII a été retenue.", "Offre de XXII Group."))))
                .containsExactly("XXII");
    }

    @Test
    void plural_forms_and_hyphenated_spellings_are_found() {
        List<Mention> mentions = detector.detect(List.of("Installation de caméras intelligentes et de "
                + "vidéo-protection ; aéronefs sans équipage."));

        assertThat(names(mentions)).containsExactlyInAnyOrder("CCTV", "VSA", "DRONES");
        assertThat(mention(mentions, "VSA").forms()).containsExactly("caméras intelligentes");
    }

    @Test
    void accents_and_typographic_apostrophes_do_not_matter() {
        assertThat(names(detector.detect(List.of("Lecture automatisee de plaques d’immatriculation ; reconnaissance "
                + "FACIALE.")))).containsExactlyInAnyOrder("CCTV", "FACIAL_RECOGNITION");
    }

    @Test
    void the_synonym_file_names_only_known_technologies() {
        String yaml = "technologies:\n  TELEPATHY: [pensée]\n";

        assertThatIllegalArgumentException().isThrownBy(() -> Vocabulary.Synonyms.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml"))
                .withMessageContaining("TELEPATHY");
    }
}

package fr.lanterne.search;

import static fr.lanterne.search.ObtainedDocuments.AIX;
import static fr.lanterne.search.ObtainedDocuments.MARSEILLE;
import static fr.lanterne.search.ObtainedDocuments.NICE;
import static fr.lanterne.search.ObtainedDocuments.NIMES;
import static fr.lanterne.search.ObtainedDocuments.TOULOUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.registry.Technology;
import fr.lanterne.search.ObtainedDocuments.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Searches over pages extracted from real PDFs (see {@link ObtainedDocuments}), indexed once for the class. */
class LuceneSearchIndexTest {

    @TempDir
    static Path folder;

    static LuceneSearchIndex index;

    @BeforeAll
    static void indexTheDocuments() {
        index = new LuceneSearchIndex(folder.resolve("index"));
        for (Source source : ObtainedDocuments.ALL) {
            index.index(source.pages());
        }
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static SearchResult search(String text) {
        return index.search(SearchQuery.builder().text(text).size(100).build());
    }

    /** A search whose syntax must have been understood. */
    static SearchResult read(String text) {
        SearchResult result = search(text);
        assertThat(result.readAsPlainWords()).as("syntax of %s understood", text).isFalse();
        return result;
    }

    static Set<String> documents(SearchResult result) {
        return result.hits().stream().map(SearchHit::sha256).collect(Collectors.toSet());
    }

    static Set<String> documents(Source... sources) {
        return java.util.Arrays.stream(sources).map(Source::sha256).collect(Collectors.toSet());
    }

    @Test
    void every_page_of_every_document_is_indexed() {
        assertThat(index.count()).isEqualTo(11);
    }

    @Nested
    class French {

        @ParameterizedTest
        @ValueSource(strings = {"vidéoprotection", "vidéo-protection", "vidéo protection", "VIDEOPROTECTION",
                "video protection", "\"vidéo protection\"", "\"vidéo-protection\""})
        void the_three_spellings_of_videoprotection_find_each_other(String query) {
            // Nîmes writes vidéo-protection, Marseille vidéo protection, Nice and Aix vidéoprotection.
            assertThat(documents(read(query))).isEqualTo(documents(NIMES, MARSEILLE, NICE, AIX, TOULOUSE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"vidéo protection urbaine\"", "\"vidéoprotection urbaine\"",
                "\"vidéo-protection urbaine\"", "\"Video Protection Urbaine\""})
        void a_phrase_matches_whatever_the_spelling_of_its_compound(String query) {
            // Marseille's "vidéo protection de la ville" is not followed by "urbaine".
            assertThat(documents(read(query))).isEqualTo(documents(NIMES, NICE, TOULOUSE));
        }

        @Test
        void accents_and_case_are_ignored() {
            SearchResult result = search("video protection urbaine");
            assertThat(result.hits()).extracting(SearchHit::sha256).contains(NIMES.sha256());
            assertThat(search("DELIBERATIONS").total()).isEqualTo(search("délibérations").total()).isPositive();
        }

        @Test
        void an_elided_article_does_not_hide_the_word() {
            // Nîmes page 2 has "l'AIPD", Marseille page 2 "L’AIPD" with a typographic apostrophe.
            assertThat(search("AIPD").hits()).extracting(SearchHit::sha256, SearchHit::page)
                    .contains(tuple(NIMES.sha256(), 2), tuple(MARSEILLE.sha256(), 2));
        }

        @Test
        void plural_and_singular_find_each_other() {
            // Nice page 2 only has "caméra"; Aix only "caméras".
            assertThat(search("caméras").hits()).extracting(SearchHit::sha256, SearchHit::page)
                    .contains(tuple(NICE.sha256(), 2), tuple(AIX.sha256(), 1));
            assertThat(search("caméra").total()).isEqualTo(search("caméras").total());
        }

        @Test
        void a_word_is_not_found_inside_another_word() {
            // Nice names the building's "SIBM" and "Libmaster" platforms; only Marseille names IBM.
            assertThat(documents(search("IBM"))).isEqualTo(documents(MARSEILLE));
        }

        @Test
        void negations_can_be_searched() {
            assertThat(search("\"n'est pas modifié\"").hits()).extracting(SearchHit::sha256, SearchHit::page)
                    .containsExactly(tuple(NICE.sha256(), 2));
        }
    }

    @Nested
    class Syntax {

        @Test
        void boolean_operators_and_prefixes() {
            assertThat(documents(read("Briefcam AND NOT Toulouse"))).isEqualTo(documents(NIMES));
            assertThat(documents(read("Wintics OR IBM"))).isEqualTo(documents(NICE, MARSEILLE));
            // Hits are pages: page 2 of Nîmes names Briefcam but not "signer", which both first pages have.
            assertThat(read("Briefcam -signer").hits()).extracting(SearchHit::sha256, SearchHit::page)
                    .containsExactly(tuple(NIMES.sha256(), 2));
            assertThat(documents(read("Wint*"))).isEqualTo(documents(NICE));
            assertThat(documents(read("recon* faciale"))).isEqualTo(documents(MARSEILLE));
        }

        @Test
        void every_word_is_required() {
            assertThat(documents(read("Briefcam Nîmes"))).isEqualTo(documents(NIMES));
            assertThat(documents(read("Briefcam supervision"))).isEqualTo(documents(NIMES, TOULOUSE));
        }

        @Test
        void inline_filters_use_the_french_names() {
            assertThat(documents(read("vidéoprotection departement:13"))).isEqualTo(documents(MARSEILLE, AIX));
            assertThat(documents(read("fournisseur:briefcam"))).isEqualTo(documents(NIMES, TOULOUSE));
            assertThat(documents(read("technologie:\"reconnaissance faciale\""))).isEqualTo(documents(MARSEILLE));
            assertThat(documents(read("type:deliberation année:2021"))).isEqualTo(documents(NIMES));
        }

        @Test
        void an_unknown_field_is_read_as_words() {
            assertThat(documents(read("Article:12"))).isEqualTo(documents(NICE));
            assertThat(documents(read("Objet : acquisition"))).isEqualTo(documents(NIMES, TOULOUSE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"vidéo protection", "vidéo protection\"", "caméras :", ": caméras", "AND",
                "caméras AND", "OR OR", "(caméras", "caméras)", "*", "*caméras", "vendor:", "a:b:c", "[caméras",
                "caméras~~", "\\", "/caméras", "{", "^", "!!", "\"", "::::"})
        void bad_syntax_is_answered_not_thrown(String query) {
            SearchResult result = search(query);
            assertThat(result).isNotNull();
            if (result.readAsPlainWords()) {
                assertThat(result.notice()).contains("cherchés tels quels");
            }
        }

        @Test
        void an_unbalanced_quote_is_searched_as_plain_words() {
            SearchResult result = search("\"reconnaissance faciale");
            assertThat(result.readAsPlainWords()).isTrue();
            assertThat(documents(result)).isEqualTo(documents(MARSEILLE));
        }

        @Test
        void a_stray_colon_is_searched_as_plain_words() {
            assertThat(search("maintenance : préventive").hits()).extracting(SearchHit::sha256, SearchHit::page)
                    .containsExactly(tuple(NICE.sha256(), 3));
            SearchResult result = search("maintenance préventive :");
            assertThat(result.readAsPlainWords()).isTrue();
            assertThat(result.hits()).extracting(SearchHit::sha256, SearchHit::page)
                    .containsExactly(tuple(NICE.sha256(), 3));
        }

        @Test
        void costly_patterns_are_searched_as_words() {
            assertThat(search("/.*/").total()).isZero();
            assertThat(documents(search("/Wintics/"))).isEqualTo(documents(NICE));
            assertThat(search("n*").total()).isZero();
            assertThat(documents(search("Ni*"))).isEqualTo(documents(search("Ni")));
            assertThat(documents(search("Brief?am"))).isEqualTo(documents(NIMES, TOULOUSE));
        }

        @Test
        void stop_words_alone_find_nothing() {
            assertThat(search("de la").total()).isZero();
        }
    }

    @Nested
    class Filters {

        @Test
        void vendor_filter_is_exact_but_ignores_case() {
            assertThat(documents(index.search(SearchQuery.builder().vendor("briefcam").size(100).build())))
                    .isEqualTo(documents(NIMES, TOULOUSE));
            assertThat(index.search(SearchQuery.builder().vendor("Brief").build()).total()).isZero();
            assertThat(index.search(SearchQuery.builder().vendor("BRIEFCAM").build()).total()).isEqualTo(5);
        }

        @Test
        void a_researcher_finds_the_aipd_on_facial_recognition_in_the_bouches_du_rhone_since_2020() {
            SearchResult result = index.search(SearchQuery.builder().text("\"reconnaissance faciale\"")
                    .departement("13").kind("impact_assessment")
                    .receivedBetween(LocalDate.of(2020, 1, 1), null).build());
            assertThat(result.hits()).extracting(SearchHit::sha256, SearchHit::page, SearchHit::communeName)
                    .containsExactlyInAnyOrder(tuple(MARSEILLE.sha256(), 1, "Marseille"),
                            tuple(MARSEILLE.sha256(), 2, "Marseille"));
        }

        @Test
        void which_towns_bought_briefcam() {
            SearchResult result = index.search(SearchQuery.builder().text("Briefcam").build());
            assertThat(result.facets().get("commune")).extracting(FacetValue::value, FacetValue::label)
                    .containsExactlyInAnyOrder(tuple("30189", "Nîmes"), tuple("31555", "Toulouse"));
        }

        @Test
        void several_values_of_one_filter_are_alternatives_and_filters_combine() {
            SearchResult result = index.search(SearchQuery.builder().departement("13", "06")
                    .technology("vsa").size(100).build());
            assertThat(documents(result)).isEqualTo(documents(NICE));
            assertThat(index.search(SearchQuery.builder().year(2019, 2023).size(100).build()).total()).isEqualTo(4);
            assertThat(index.search(SearchQuery.builder().campaign(7L).build()).total()).isEqualTo(5);
        }

        @Test
        void facets_count_the_matching_pages() {
            SearchResult all = index.search(SearchQuery.builder().build());
            assertThat(all.total()).isEqualTo(11);
            assertThat(all.facets().keySet())
                    .containsExactly("departement", "commune", "region", "technology", "vendor", "kind", "year");
            assertThat(all.facets().get("departement")).extracting(FacetValue::value, FacetValue::count)
                    .containsExactlyInAnyOrder(tuple("13", 3L), tuple("30", 3L), tuple("06", 3L), tuple("31", 2L));
            assertThat(all.facets().get("technology")).extracting(FacetValue::value, FacetValue::label,
                    FacetValue::count).containsExactlyInAnyOrder(tuple("VSA", "vidéosurveillance algorithmique", 8L),
                    tuple("CCTV", "vidéoprotection", 6L), tuple("FACIAL_RECOGNITION", "reconnaissance faciale", 2L));
            assertThat(all.facets().get("vendor")).extracting(FacetValue::value, FacetValue::count)
                    .containsExactlyInAnyOrder(tuple("Briefcam", 5L), tuple("Wintics", 3L), tuple("IBM", 2L));
            assertThat(all.facets().get("kind")).extracting(FacetValue::value, FacetValue::count)
                    .containsExactlyInAnyOrder(tuple("DELIBERATION", 5L), tuple("PUBLIC_CONTRACT", 3L),
                            tuple("IMPACT_ASSESSMENT", 2L), tuple("PREFECTORAL_ORDER", 1L));
            assertThat(all.facets().get("year")).extracting(FacetValue::value, FacetValue::count)
                    .containsExactlyInAnyOrder(tuple("2019", 1L), tuple("2020", 2L), tuple("2021", 3L),
                            tuple("2022", 2L), tuple("2023", 3L));
            assertThat(all.facets().get("region")).extracting(FacetValue::value, FacetValue::count)
                    .containsExactlyInAnyOrder(tuple("93", 6L), tuple("76", 5L));
        }

        @Test
        void facets_follow_the_words_searched() {
            SearchResult result = search("vidéoprotection");
            long pages = result.total();
            assertThat(result.facets().get("departement").stream().mapToLong(FacetValue::count).sum())
                    .isEqualTo(pages);
            assertThat(result.facets().get("vendor")).extracting(FacetValue::value).doesNotContain("Wintics2");
        }

        @Test
        void a_filtered_dimension_still_counts_its_other_values() {
            SearchResult result = index.search(SearchQuery.builder().departement("13").build());
            assertThat(result.total()).isEqualTo(3);
            // Drill sideways: the other départements stay visible, the other dimensions count only the 13.
            assertThat(result.facets().get("departement")).extracting(FacetValue::value, FacetValue::count)
                    .containsExactlyInAnyOrder(tuple("13", 3L), tuple("30", 3L), tuple("06", 3L), tuple("31", 2L));
            assertThat(result.facets().get("kind")).extracting(FacetValue::value, FacetValue::count)
                    .containsExactlyInAnyOrder(tuple("IMPACT_ASSESSMENT", 2L), tuple("PREFECTORAL_ORDER", 1L));
        }
    }

    @Nested
    class Results {

        @Test
        void a_hit_gives_the_page_and_a_highlighted_passage() {
            SearchResult result = search("\"maintenance préventive\"");
            assertThat(result.hits()).hasSize(1);
            SearchHit hit = result.hits().get(0);
            assertThat(hit.sha256()).isEqualTo(NICE.sha256());
            assertThat(hit.page()).isEqualTo(3);
            assertThat(hit.passage()).contains("<mark>Maintenance préventive</mark>");
            assertThat(hit).extracting(SearchHit::authority, SearchHit::authorityName, SearchHit::insee,
                    SearchHit::communeName, SearchHit::departement, SearchHit::kind, SearchHit::receivedOn,
                    SearchHit::requestReference, SearchHit::title).containsExactly("COM-06088", "Mairie de Nice",
                    "06088", "Nice", "06", "PUBLIC_CONTRACT", LocalDate.of(2023, 9, 20), "LNT-2023-000982",
                    NICE.title());
            assertThat(hit.score()).isPositive();
        }

        @Test
        void every_spelling_of_a_compound_is_highlighted() {
            SearchHit nimes = search("vidéoprotection Nîmes").hits().get(0);
            assertThat(nimes.passage()).contains("<mark>vidéo-protection</mark>");
            SearchHit nice = index.search(SearchQuery.builder().text("\"vidéo protection\"").commune("06088").build())
                    .hits().get(0);
            assertThat(nice.passage()).contains("<mark>Vidéoprotection</mark>");
        }

        @Test
        void html_in_the_extracted_text_is_escaped_in_passages() {
            SearchHit hit = search("alert").hits().get(0);
            assertThat(hit.passage()).contains("&lt;script&gt;<mark>alert</mark>(&#39;x&#39;)&lt;/script&gt;")
                    .contains("R&amp;D &quot;innovation&quot;")
                    .doesNotContain("<script>");
        }

        @Test
        void a_page_found_through_filters_only_shows_its_opening() {
            SearchResult result = index.search(SearchQuery.builder().commune("13001").build());
            assertThat(result.hits().get(0).passage()).startsWith("PRÉFECTURE DES BOUCHES-DU-RHÔNE").doesNotContain("<mark>");
        }

        @Test
        void hits_can_be_sorted_by_date_received() {
            SearchResult result = index.search(SearchQuery.builder().sort(SearchSort.DATE).size(100).build());
            assertThat(result.hits()).extracting(SearchHit::receivedOn)
                    .isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(result.hits().get(0).sha256()).isEqualTo(NICE.sha256());
            assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.score()).isPositive());
        }

        @Test
        void results_come_a_page_at_a_time() {
            SearchResult first = index.search(SearchQuery.builder().size(4).build());
            SearchResult third = index.search(SearchQuery.builder().size(4).page(3).build());
            assertThat(first.hits()).hasSize(4);
            assertThat(third.hits()).hasSize(3);
            assertThat(third.total()).isEqualTo(11);
        }

        @Test
        void a_page_past_the_end_is_empty_but_counts_right() {
            SearchResult result = index.search(SearchQuery.builder().text("vidéoprotection").page(1000).build());
            assertThat(result.hits()).isEmpty();
            assertThat(result.total()).isEqualTo(search("vidéoprotection").total()).isPositive();
            assertThat(result.facets().get("departement")).isNotEmpty();
            assertThat(index.search(SearchQuery.builder().page(Integer.MAX_VALUE / 100).size(100).build()).hits())
                    .isEmpty();
        }

        @Test
        void the_hits_serialise_to_the_api_fields() {
            // The REST controller returns SearchResult as it is: records, so the JSON has exactly these names.
            assertThat(SearchHit.class.getRecordComponents()).extracting(c -> c.getName()).contains("sha256",
                    "authority", "insee", "page", "score", "passage");
            assertThat(SearchResult.class.getRecordComponents()).extracting(c -> c.getName()).contains("total",
                    "facets", "hits");
            assertThat(FacetValue.class.getRecordComponents()).extracting(c -> c.getName()).contains("value",
                    "count");
        }
    }

    @Nested
    class MoreLikeThis {

        @Test
        void finds_the_other_document_on_the_same_subject() {
            List<SearchHit> similar = index.moreLikeThis(NIMES.sha256(), 3);
            assertThat(similar).isNotEmpty();
            assertThat(similar.get(0).sha256()).isEqualTo(TOULOUSE.sha256());
            assertThat(similar).extracting(SearchHit::sha256).doesNotContain(NIMES.sha256()).doesNotHaveDuplicates();
        }

        @Test
        void an_unknown_document_is_a_clear_not_found() {
            assertThatThrownBy(() -> index.moreLikeThis("0".repeat(64), 5))
                    .isInstanceOf(IndexedDocumentNotFoundException.class).hasMessageContaining("Aucun document indexé");
        }
    }

    @Nested
    class Validation {

        @Test
        void bad_parameters_are_refused_in_french() {
            assertThatThrownBy(() -> SearchQuery.builder().page(0).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("à partir de 1");
            assertThatThrownBy(() -> SearchQuery.builder().size(1000).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("entre 1 et 100");
            assertThatThrownBy(() -> SearchQuery.builder().technology("laser").build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("CCTV, VSA");
            assertThatThrownBy(() -> SearchQuery.builder().departement("Bouches-du-Rhône").build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("code de département");
            assertThatThrownBy(() -> SearchQuery.builder().year("vingt").build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("n'est pas une année");
            assertThatThrownBy(() -> SearchQuery.builder().receivedBetween(LocalDate.of(2022, 1, 1),
                    LocalDate.of(2021, 1, 1)).build()).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> SearchQuery.of("x".repeat(1001))).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void technologies_read_by_code_or_french_name() {
            assertThat(SearchQuery.builder().technology("reconnaissance faciale", "cctv", "Vidéoprotection").build()
                    .filters().technologies()).containsExactly(Technology.FACIAL_RECOGNITION, Technology.CCTV);
        }
    }
}

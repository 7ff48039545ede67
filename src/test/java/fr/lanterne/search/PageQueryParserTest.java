package fr.lanterne.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageQueryParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '>', quoteCharacter = '`', textBlock = """
            # typed                                  > given to Lucene's parser
            vidéo Briefcam OR Anyvision              > vidéo (Briefcam OR Anyvision)
            a OR b OR c d                            > (a OR b OR c) d
            a || b                                   > (a OR b)
            "reconnaissance faciale" OR biométrie    > ("reconnaissance faciale" OR biométrie)
            fournisseur:"Briefcam SA" OR IBM caméra  > (fournisseur:"Briefcam SA" OR IBM) caméra
            x (a b OR c)                             > x (a (b OR c))
            -titre:(a b OR c) d                      > -titre:(a (b OR c)) d
            a OR                                     > a OR
            OR a                                     > OR a
            "a b OR c                                > "a b OR c
            (a OR b                                  > (a OR b
            a\\ b OR c                               > (a\\ b OR c)
            caméras -Briefcam                        > caméras -Briefcam
            """)
    void chains_of_alternatives_are_grouped_so_that_the_other_words_stay_required(String typed, String parsed) {
        assertThat(PageQueryParser.groupAlternatives(typed)).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            marqueur Briefcam OR faciale | +text:marqueu +(text:briefcam text:facial)
            marqueur caméras -Briefcam   | +text:marqueu +text:camera -text:briefcam
            """)
    void the_other_words_stay_required(String typed, String query) {
        assertThat(new PageQueryParser(new FrenchSearchAnalyzer()).parse(typed).query().toString()).isEqualTo(query);
    }
}

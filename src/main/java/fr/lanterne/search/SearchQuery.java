package fr.lanterne.search;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.registry.Technology;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A search: words and the query syntax below, filters, order and the page of results wanted.
 *
 * <p>Syntax of {@code text}: words (all required), {@code "a phrase"}, {@code OR}, {@code AND}, {@code NOT} or
 * {@code -word}, {@code camér*} (prefix), parentheses, and inline filters {@code departement:13}, {@code commune:13055},
 * {@code region:93}, {@code technologie:VSA}, {@code fournisseur:Briefcam}, {@code type:DELIBERATION},
 * {@code annee:2021}, {@code titre:…}. Syntax that cannot be read is searched as plain words, never refused. Blank
 * text matches every page (to browse by filters).
 *
 * @param page the page of results, from 1; past the last one the result is an empty page
 * @param size results per page, 1 to {@value #MAX_SIZE}
 */
public record SearchQuery(String text, SearchFilters filters, SearchSort sort, int page, int size) {

    public static final int MAX_TEXT_LENGTH = 1_000;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** Results that can be paged through (and exported); past this rank a page is empty and a notice says why. */
    public static final int MAX_BROWSABLE = 10_000;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("La recherche est trop longue : " + MAX_TEXT_LENGTH
                    + " caractères au plus.");
        }
        filters = filters == null ? SearchFilters.NONE : filters;
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        if (page < 1) {
            throw new InvalidInputException("Les pages de résultats sont numérotées à partir de 1.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("Le nombre de résultats par page doit être compris entre 1 et "
                    + MAX_SIZE + ".");
        }
    }

    /** The first page of results for these words, unfiltered, best match first. */
    public static SearchQuery of(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects request parameters as they come (strings, repeated or not) into a checked query. */
    public static final class Builder {

        private String text;
        private final List<String> departements = new ArrayList<>();
        private final List<String> communes = new ArrayList<>();
        private final List<String> regions = new ArrayList<>();
        private final List<Technology> technologies = new ArrayList<>();
        private final List<String> vendors = new ArrayList<>();
        private final List<String> kinds = new ArrayList<>();
        private final List<Integer> years = new ArrayList<>();
        private LocalDate receivedFrom;
        private LocalDate receivedTo;
        private Long campaignId;
        private SearchSort sort = SearchSort.RELEVANCE;
        private int page = 1;
        private int size = DEFAULT_SIZE;

        private Builder() {
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder departement(String... codes) {
            addAll(departements, codes);
            return this;
        }

        public Builder commune(String... inseeCodes) {
            addAll(communes, inseeCodes);
            return this;
        }

        public Builder region(String... codes) {
            addAll(regions, codes);
            return this;
        }

        public Builder technology(Technology... values) {
            addAll(technologies, values);
            return this;
        }

        /** Technologies by code or French name; an unknown one is refused with a sentence listing the codes. */
        public Builder technology(String... values) {
            if (values != null) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        technologies.add(SearchFilters.technology(value));
                    }
                }
            }
            return this;
        }

        public Builder vendor(String... names) {
            addAll(vendors, names);
            return this;
        }

        public Builder kind(String... kinds) {
            addAll(this.kinds, kinds);
            return this;
        }

        public Builder year(Integer... years) {
            addAll(this.years, years);
            return this;
        }

        /** Years typed as text; one that is not a number is refused with a sentence. */
        public Builder year(String... years) {
            if (years != null) {
                for (String year : years) {
                    if (year != null && !year.isBlank()) {
                        this.years.add(SearchFilters.year(year));
                    }
                }
            }
            return this;
        }

        public Builder receivedBetween(LocalDate from, LocalDate to) {
            this.receivedFrom = from;
            this.receivedTo = to;
            return this;
        }

        public Builder campaign(Long campaignId) {
            this.campaignId = campaignId;
            return this;
        }

        public Builder sort(SearchSort sort) {
            this.sort = sort;
            return this;
        }

        /** A page number as the web gives it; null means the first page. */
        public Builder page(Integer page) {
            this.page = page == null ? 1 : page;
            return this;
        }

        /** Results per page; null means {@value SearchQuery#DEFAULT_SIZE}. */
        public Builder size(Integer size) {
            this.size = size == null ? DEFAULT_SIZE : size;
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(text, new SearchFilters(departements, communes, regions, technologies, vendors,
                    kinds, years, receivedFrom, receivedTo, campaignId), sort, page, size);
        }

        @SafeVarargs
        private static <T> void addAll(List<T> list, T... values) {
            if (values != null) {
                for (T value : values) {
                    if (value != null) {
                        list.add(value);
                    }
                }
            }
        }
    }
}

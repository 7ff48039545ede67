package fr.lanterne.search;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.registry.Technology;
import fr.lanterne.search.PageFields.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Reads the text of a {@link SearchQuery} into a Lucene query over the page text: Lucene's classic syntax, every word
 * required, a word that the analyser splits ({@code vidéo-protection}, {@code vidéoprotection}) searched as a phrase,
 * inline filters by French or English field names. What the classic parser cannot read is searched as plain words;
 * so are regular expressions and wildcards after fewer than {@value #MIN_PREFIX} letters, which would be costly.
 */
final class PageQueryParser {

    /** The query and whether its syntax had to be dropped. */
    record Parsed(Query query, boolean plainWords) {
    }

    /** Field names a researcher may type before a colon, in French (with or without accents) or English. */
    private static final Map<String, Criterion> CRITERIA = Map.ofEntries(
            Map.entry("departement", Criterion.DEPARTEMENT), Map.entry("dep", Criterion.DEPARTEMENT),
            Map.entry("commune", Criterion.COMMUNE), Map.entry("insee", Criterion.COMMUNE),
            Map.entry("region", Criterion.REGION),
            Map.entry("technologie", Criterion.TECHNOLOGY), Map.entry("technology", Criterion.TECHNOLOGY),
            Map.entry("fournisseur", Criterion.VENDOR), Map.entry("vendor", Criterion.VENDOR),
            Map.entry("editeur", Criterion.VENDOR),
            Map.entry("type", Criterion.KIND), Map.entry("kind", Criterion.KIND),
            Map.entry("annee", Criterion.YEAR), Map.entry("year", Criterion.YEAR),
            Map.entry("autorite", Criterion.AUTHORITY), Map.entry("authority", Criterion.AUTHORITY),
            Map.entry("reference", Criterion.REFERENCE), Map.entry("campagne", Criterion.CAMPAIGN),
            Map.entry("campaign", Criterion.CAMPAIGN));

    private static final Map<String, String> TEXT_FIELDS = Map.of(
            "texte", PageFields.TEXT, "text", PageFields.TEXT, "titre", PageFields.TITLE, "title", PageFields.TITLE);

    /** The boolean operators, which mean nothing once the syntax is dropped. */
    private static final Pattern OPERATORS = Pattern.compile("(?<!\\S)(AND|OR|NOT|&&|\\|\\|)(?!\\S)");

    /** Letters a prefix needs before its wildcard, so that one query cannot expand to a large part of the dictionary. */
    static final int MIN_PREFIX = 3;

    private final Analyzer analyzer;

    PageQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Parsed parse(String text) {
        if (text.isBlank()) {
            return new Parsed(new MatchAllDocsQuery(), false);
        }
        try {
            return new Parsed(new Syntax(analyzer).parse(groupAlternatives(text)), false);
        } catch (ParseException | RuntimeException e) {
            // Unbalanced quotes, a stray colon, a lone AND, a leading wildcard: search the words themselves.
            return new Parsed(plainWords(text), true);
        }
    }

    /**
     * Puts each chain of alternatives in parentheses: {@code vidéo Briefcam OR Anyvision} means vidéo and either
     * vendor, as in web search engines; Lucene's classic parser would make vidéo the only required word. Text whose
     * quotes or parentheses do not balance is returned as it is (the parser then refuses it).
     */
    static String groupAlternatives(String text) {
        List<String> tokens = topLevelTokens(text);
        if (tokens == null) {
            return text;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = nested(tokens.get(i));
            if (i + 2 < tokens.size() && isOr(tokens.get(i + 1))) {
                StringBuilder chain = new StringBuilder("(").append(token);
                while (i + 2 < tokens.size() && isOr(tokens.get(i + 1))) {
                    chain.append(" OR ").append(nested(tokens.get(i + 2)));
                    i += 2;
                }
                out.add(chain.append(')').toString());
            } else {
                out.add(token);
            }
        }
        return String.join(" ", out);
    }

    private static boolean isOr(String token) {
        return token.equals("OR") || token.equals("||");
    }

    /** A token holding a group, {@code (a b OR c)} or {@code -titre:(a OR b)}, with its inside grouped too. */
    private static String nested(String token) {
        int open = token.indexOf('(');
        if (open < 0 || !token.endsWith(")") || token.indexOf('"') >= 0 && token.indexOf('"') < open) {
            return token;
        }
        return token.substring(0, open + 1) + groupAlternatives(token.substring(open + 1, token.length() - 1)) + ")";
    }

    /**
     * The text split on white space outside quotes and parentheses ({@code fournisseur:"Briefcam SA"} and
     * {@code (a OR b)} are one token each); null when quotes or parentheses do not balance.
     */
    private static List<String> topLevelTokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                token.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (--depth < 0) {
                    return null;
                }
            } else if (!quoted && depth == 0 && Character.isWhitespace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
                continue;
            }
            token.append(c);
        }
        if (quoted || depth != 0) {
            return null;
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** Every word of the text required, all syntax characters ignored (the analyser drops them). */
    Query plainWords(String text) {
        String words = OPERATORS.matcher(text).replaceAll(" ");
        Query query = new QueryBuilder(analyzer).createBooleanQuery(PageFields.TEXT, words, BooleanClause.Occur.MUST);
        return query == null ? new MatchNoDocsQuery("no words") : query;
    }

    /** The classic parser, with field names resolved to the index's fields; not thread-safe, so one per parse. */
    private static final class Syntax extends QueryParser {

        Syntax(Analyzer analyzer) {
            super(PageFields.TEXT, analyzer);
            setDefaultOperator(QueryParser.AND_OPERATOR);
            // "vidéo-protection" typed as one word must match those words in that order, not anywhere on the page;
            // Lucene allows that only when the parser splits on white space first.
            setSplitOnWhitespace(true);
            setAutoGeneratePhraseQueries(true);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            Criterion criterion = criterion(field);
            if (criterion != null) {
                return criterionQuery(criterion, queryText);
            }
            String textField = textField(field);
            if (textField == null) {
                // "article:12" or "objet : vidéo" is not a field of ours: the researcher meant both words.
                return bothWords(super.getFieldQuery(PageFields.TEXT, field, false),
                        super.getFieldQuery(PageFields.TEXT, queryText, quoted));
            }
            return super.getFieldQuery(textField, queryText, quoted);
        }

        private static Query bothWords(Query first, Query second) {
            if (first == null || second == null) {
                return first == null ? second : first;
            }
            return new BooleanQuery.Builder().add(first, BooleanClause.Occur.MUST)
                    .add(second, BooleanClause.Occur.MUST).build();
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            Criterion criterion = criterion(field);
            if (criterion != null) {
                return criterionQuery(criterion, queryText);
            }
            String textField = textField(field);
            return super.getFieldQuery(textField == null ? PageFields.TEXT : textField, queryText, slop);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            if (termStr.length() < MIN_PREFIX) {
                // "a*" would expand to every word starting with a: search the word itself.
                return getFieldQuery(field, termStr, false);
            }
            return super.getPrefixQuery(resolve(field), termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            int firstWildcard = Math.min(indexOrLength(termStr, '*'), indexOrLength(termStr, '?'));
            if (firstWildcard < MIN_PREFIX) {
                return getFieldQuery(field, termStr.replace('*', ' ').replace('?', ' '), false);
            }
            return super.getWildcardQuery(resolve(field), termStr);
        }

        private static int indexOrLength(String text, char c) {
            int index = text.indexOf(c);
            return index < 0 ? text.length() : index;
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(resolve(field), termStr, minSimilarity);
        }

        /** Regular expressions can walk the whole term dictionary: searched as the words they contain. */
        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            return getFieldQuery(field, termStr, false);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            return super.getRangeQuery(resolve(field), part1, part2, startInclusive, endInclusive);
        }

        /** The Lucene field for a typed field name; the filter fields hold folded values, as the analyser's normalize. */
        private static String resolve(String field) {
            Criterion criterion = criterion(field);
            if (criterion != null) {
                return criterion.filterField();
            }
            String textField = textField(field);
            return textField == null ? PageFields.TEXT : textField;
        }

        private static Criterion criterion(String field) {
            return field == null ? null : CRITERIA.get(PageFields.key(field));
        }

        private static String textField(String field) {
            return field == null ? PageFields.TEXT : TEXT_FIELDS.get(PageFields.key(field));
        }

        private static Query criterionQuery(Criterion criterion, String value) {
            if (criterion == Criterion.TECHNOLOGY) {
                try {
                    Technology technology = SearchFilters.technology(value);
                    return new TermQuery(criterion.term(technology.name()));
                } catch (InvalidInputException unknown) {
                    return new MatchNoDocsQuery("unknown technology " + value);
                }
            }
            return new TermQuery(criterion.term(value));
        }
    }
}

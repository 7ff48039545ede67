package fr.lanterne.search;

import org.springframework.context.ApplicationContext;

/** For tests of other packages that must reach under {@link Search}: forgetting what the index holds of a document. */
public final class TestIndex {

    private TestIndex() {
    }

    /** Removes a document's pages from the index of {@code context}, as if it had never been indexed. */
    public static void forget(ApplicationContext context, String sha256) {
        context.getBean(SearchIndex.class).delete(sha256);
    }
}

package fr.lanterne.search;

import fr.lanterne.shared.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The search index lives in the data directory's {@code search/} folder. It is opened on first use: a command-line
 * command that does not search leaves it to the server, which may hold it.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    SearchIndex searchIndex(DataDirectory dataDirectory) {
        return new LuceneSearchIndex(dataDirectory.folder("search"));
    }
}

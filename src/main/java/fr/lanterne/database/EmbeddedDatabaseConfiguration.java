package fr.lanterne.database;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.LanterneProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url}, Lanterne runs its own MariaDB server under the data directory and points
 * Spring Boot's connection pool at it; every {@code spring.datasource.hikari.*} setting still applies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(DataDirectory dataDirectory, DatabaseProperties database, LanterneProperties lanterne) {
        // A command run beside the web application uses its server rather than refusing to start.
        return EmbeddedMariaDb.open(dataDirectory.folder("mariadb"), database.binariesDir(), database.port(),
                lanterne.cli());
    }

    @Bean
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedMariaDb server, DatabaseProperties database) {
        String url = server.createDatabase(database.name());
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return url;
            }

            @Override
            public String getUsername() {
                return server.credentials().user();
            }

            @Override
            public String getPassword() {
                return server.credentials().password();
            }
        };
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}

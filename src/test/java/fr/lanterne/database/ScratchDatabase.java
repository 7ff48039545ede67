package fr.lanterne.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database with Lanterne's whole schema on the embedded server, for tests that need exact counts from an
 * empty state. Dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final HikariDataSource dataSource;
    private final EmbeddedMariaDb server;

    private ScratchDatabase(String name, HikariDataSource dataSource, EmbeddedMariaDb server) {
        this.name = name;
        this.dataSource = dataSource;
        this.server = server;
    }

    public static ScratchDatabase create(EmbeddedMariaDb server, String purpose) {
        String name = "scratch_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String url = server.createDatabase(name);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true");
        dataSource.setUsername(server.credentials().user());
        dataSource.setPassword(server.credentials().password());
        dataSource.setMaximumPoolSize(4);
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        } catch (Exception e) {
            dataSource.close();
            throw new IllegalStateException("Liquibase failed on " + name, e);
        }
        return new ScratchDatabase(name, dataSource, server);
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public JdbcTemplate jdbcTemplate() {
        return new JdbcTemplate(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        jdbc().sql("DROP DATABASE `" + name + "`").update();
        dataSource.close();
    }
}

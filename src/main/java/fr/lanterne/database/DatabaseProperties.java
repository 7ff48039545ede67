package fr.lanterne.database;

import jakarta.validation.constraints.Max;
import java.nio.file.Path;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded database, used when {@code spring.datasource.url} is not set.
 *
 * @param name the database (schema) created on the embedded server
 * @param port the TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param binariesDir where the server's binaries are unpacked; by default inside the data directory
 */
@ConfigurationProperties("lanterne.database")
@Validated
record DatabaseProperties(
        @DefaultValue("lanterne") @Pattern(regexp = "[A-Za-z0-9_]{1,64}") String name,
        @DefaultValue("0") @Min(0) @Max(65535) int port,
        Path binariesDir) {
}

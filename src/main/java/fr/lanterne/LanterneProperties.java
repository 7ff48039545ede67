package fr.lanterne;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module.
 *
 * @param dataDir where the embedded database, documents and search index live
 * @param cli true when a command-line command runs (set by the launcher, not by users)
 */
@ConfigurationProperties("lanterne")
public record LanterneProperties(@DefaultValue("data") Path dataDir, @DefaultValue("false") boolean cli) {
}

package fr.lanterne;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (sending queued emails, the nightly job) runs in the web application only: not in command-line
 * commands, and not where {@code lanterne.scheduling.enabled=false} (tests that drive each step themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("!${lanterne.cli:false} and ${lanterne.scheduling.enabled:true}")
class SchedulingConfiguration {
}

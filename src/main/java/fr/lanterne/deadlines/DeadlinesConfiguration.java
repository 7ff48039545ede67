package fr.lanterne.deadlines;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadlinesConfiguration {

    @Bean
    PublicHolidays publicHolidays() {
        return new PublicHolidays();
    }

    @Bean
    DeadlineCalculator deadlineCalculator(PublicHolidays holidays, Clock clock) {
        return new DeadlineCalculator(holidays, clock);
    }
}

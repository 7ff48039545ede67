package fr.lanterne.deadlines;

import fr.lanterne.shared.FrenchDates;
import fr.lanterne.users.PublicAddress;
import fr.lanterne.users.User;
import fr.lanterne.users.Users;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The nightly job's last step, {@code digests}: each volunteer gets one email with what is new, once per night. */
@Configuration(proxyBeanMethods = false)
class DigestsStep {

    private static final String RUN_DATE = NightlyJobConfiguration.RUN_DATE;

    @Bean
    Step digests(JobRepository jobRepository, NoticeStore notices, Users users, DigestMailer mailer,
                 PublicAddress publicAddress, Clock clock) {
        return new StepBuilder("digests", jobRepository)
                .tasklet((contribution, context) -> {
                    LocalDate night = LocalDate.parse(context.getStepContext().getStepExecution().getJobParameters()
                            .getString(RUN_DATE));
                    notices.markInterruptedDigests(night);
                    int sent = 0;
                    for (String owner : notices.ownersWithPendingNotices()) {
                        List<NoticeStore.Stored> pending = notices.pending(owner);
                        Optional<User> user = users.find(owner);
                        String recipient = user.map(User::email).orElse(null);
                        Optional<Long> digest = notices.claimDigest(owner, night, recipient, pending.size());
                        if (digest.isEmpty()) {
                            continue; // already sent (or being sent) for this night: never twice
                        }
                        notices.attach(digest.get(), pending.stream().map(NoticeStore.Stored::id).toList());
                        DigestMailer.Delivery delivery = mailer.send(owner, recipient, night,
                                subject(night, pending.size()), body(user, night, pending, publicAddress.base()));
                        notices.digestDone(digest.get(), delivery.status(), delivery.detail(), clock.instant());
                        sent++;
                    }
                    contribution.incrementWriteCount(sent);
                    return RepeatStatus.FINISHED;
                }, new ResourcelessTransactionManager()) // each digest commits its own claim before it is sent
                .build();
    }

    static String subject(LocalDate night, int count) {
        return "Lanterne — " + FrenchDates.withWeekday(night) + " : " + count + " point" + (count > 1 ? "s" : "")
                + " à suivre";
    }

    /**
     * The digest's text; with the server's public address known, each request comes with the link to its page, and
     * the digest ends with the link to "Mon travail".
     */
    static String body(Optional<User> user, LocalDate night, List<NoticeStore.Stored> notices, Optional<URI> site) {
        StringBuilder text = new StringBuilder("Bonjour").append(user.map(User::displayName).map(n -> " " + n)
                .orElse("")).append(",\n\nVoici ce qui demande votre attention ce ").append(FrenchDates.withWeekday(night))
                .append(".\n");
        Map<NoticeKind, List<NoticeStore.Stored>> byKind = new TreeMap<>();
        notices.forEach(n -> byKind.computeIfAbsent(n.notice().kind(), k -> new ArrayList<>()).add(n));
        for (Map.Entry<NoticeKind, List<NoticeStore.Stored>> kind : byKind.entrySet()) {
            text.append("\n").append(kind.getKey().label()).append(" (").append(kind.getValue().size()).append(")\n");
            for (NoticeStore.Stored stored : kind.getValue()) {
                text.append("  • ").append(stored.notice().message()).append('\n');
                if (stored.notice().draftFile() != null) {
                    text.append("    Lettre prête : ").append(stored.notice().draftFile()).append('\n');
                }
                if (site.isPresent() && stored.notice().reference() != null) {
                    text.append("    ").append(site.get()).append("/demandes/")
                            .append(URLEncoder.encode(stored.notice().reference(), StandardCharsets.UTF_8))
                            .append('\n');
                }
            }
        }
        site.ifPresent(s -> text.append("\nTout ce qui vous attend : ").append(s).append("/travail\n"));
        text.append("\nCe récapitulatif est envoyé une fois par nuit ; il ne contient que ce qui est nouveau.\n");
        return text.toString();
    }
}

package fr.lanterne.deadlines;

import fr.lanterne.shared.FrenchDates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Runs the nightly job for a night: once, resumed if it was interrupted, refused if it already ran. */
@Service
class NightlyJobs {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final NoticeStore notices;
    private final Clock clock;

    NightlyJobs(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("nightlyJob") Job nightlyJob,
                NoticeStore notices, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.notices = notices;
        this.clock = clock;
    }

    /** What a run did: its status and, per step, how many things it wrote. */
    public record Run(LocalDate night, String status, boolean alreadyDone, Map<String, Long> written) {
    }

    public Run run(LocalDate night) {
        if (night.isAfter(LocalDate.now(clock))) {
            throw new fr.lanterne.shared.InvalidInputException("La nuit du " + FrenchDates.withWeekday(night) + " n'est pas encore "
                    + "arrivée : le travail de nuit ne peut pas être lancé pour une date future.");
        }
        JobParameters parameters = new JobParametersBuilder().addString(NightlyJobConfiguration.RUN_DATE,
                night.toString()).toJobParameters();
        recoverInterrupted(parameters);
        try {
            JobExecution execution = jobOperator.start(nightlyJob, parameters);
            return summary(night, execution, false);
        } catch (JobInstanceAlreadyCompleteException e) {
            JobInstance instance = jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters);
            return summary(night, jobRepository.getLastJobExecution(instance), true);
        } catch (Exception e) {
            throw new IllegalStateException("The nightly job of " + night + " could not run", e);
        }
    }

    /** A run killed in the middle stays STARTED; the job is run by one process at a time, this one now. */
    private void recoverInterrupted(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters);
        if (instance == null) {
            return;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last != null && last.getStatus().isRunning()) {
            jobOperator.recover(last);
        }
    }

    private static Run summary(LocalDate night, JobExecution execution, boolean alreadyDone) {
        Map<String, Long> written = new LinkedHashMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            written.put(step.getStepName(), step.getWriteCount());
        }
        return new Run(night, execution.getStatus().name(), alreadyDone, written);
    }

    boolean completed(JobExecution execution) {
        return execution.getStatus() == BatchStatus.COMPLETED;
    }

    int digests(String owner, LocalDate night) {
        return notices.digests(owner, night);
    }
}

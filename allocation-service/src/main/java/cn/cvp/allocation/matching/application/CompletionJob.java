package cn.cvp.allocation.matching.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Runs {@link CompletionService} on the platform clock, in batches, every {@code cvp.allocation.completion-check}. */
@ApplicationScoped
public class CompletionJob {

    private static final int BATCH = 500;

    private final CompletionService completion;
    private final Clock clock;

    public CompletionJob(CompletionService completion, Clock clock) {
        this.completion = completion;
        this.clock = clock;
    }

    @Scheduled(every = "${cvp.allocation.completion-check:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void completeEnded() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        while (completion.completeEnded(now, BATCH) == BATCH) {
            // more ended allocations than one batch: go on
        }
    }
}

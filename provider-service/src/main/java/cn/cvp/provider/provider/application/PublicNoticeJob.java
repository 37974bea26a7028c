package cn.cvp.provider.provider.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.provider.provider.persistence.ProviderRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Lists the providers whose public notice (公示) ended without objection, on the service's clock. */
@ApplicationScoped
public class PublicNoticeJob {
    private static final Logger LOG = Logger.getLogger(PublicNoticeJob.class);
    private final ProviderRepository providers;
    private final PublicNoticeService notices;
    private final Clock clock;

    public PublicNoticeJob(ProviderRepository providers, PublicNoticeService notices, Clock clock) {
        this.providers = providers;
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(every = "${cvp.provider.notice-check-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int listed = concludeEndedNotices();
        if (listed > 0) {
            LOG.infof("listed %d provider(s) whose public notice ended without objection", listed);
        }
    }

    /** Lists every provider whose notice has ended, each in its own transaction; how many were listed. */
    public int concludeEndedNotices() {
        List<UUID> due = providers.noticeEndedBy(OffsetDateTime.now(clock));
        int listed = 0;
        for (UUID id : due) {
            try {
                notices.concludeIfDue(id);
                listed++;
            } catch (DomainException e) {
                // an objection or an administrator got there first
            }
        }
        return listed;
    }
}

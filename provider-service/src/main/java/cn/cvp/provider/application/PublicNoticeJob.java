package cn.cvp.provider.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Lists the providers whose public notice (公示) ended without objection, on the service's clock. */
@ApplicationScoped
public class PublicNoticeJob {
    private static final Logger LOG = Logger.getLogger(PublicNoticeJob.class);
    private final ProviderService providers;

    public PublicNoticeJob(ProviderService providers) {
        this.providers = providers;
    }

    @Scheduled(every = "${cvp.provider.notice-check-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void concludeEndedNotices() {
        int listed = providers.concludeEndedNotices();
        if (listed > 0) {
            LOG.infof("listed %d provider(s) whose public notice ended without objection", listed);
        }
    }
}

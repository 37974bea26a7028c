package cn.cvp.voucher.settlement.application;

import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;
import cn.cvp.voucher.settlement.persistence.ProviderDirectoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Keeps the provider directory from provider.events (provider.registered.v1, provider.status-changed.v1): who may
 * redeem which captures, and each provider's standing (status, programme memberships, related parties) for the
 * contract-first rule. Once per event.
 */
@ApplicationScoped
public class RecordProvider {

    /** The consumer name the processed-event log records these events under. */
    public static final String CONSUMER = "voucher-service:providers";

    /** {@code status}, {@code programmeMemberships} and {@code relatedParties}: null when the event does not say. */
    public record Command(String eventId, UUID providerId, String creditCode, String name, String status,
                          List<String> programmeMemberships, List<String> relatedParties) {
    }

    private final ProcessedEvents processed;
    private final ProviderDirectoryRepository directory;

    public RecordProvider(ProcessedEvents processed, ProviderDirectoryRepository directory) {
        this.processed = processed;
        this.directory = directory;
    }

    @Transactional
    public void record(Command command) {
        if (!processed.firstDelivery(CONSUMER, command.eventId())) {
            return;
        }
        ProviderDirectoryEntry e = directory.findById(command.providerId());
        if (e == null) {
            e = ProviderDirectoryEntry.of(command.providerId(), command.creditCode(), command.name());
            directory.persist(e);
        } else {
            e.rename(command.name());
        }
        e.standing(command.status(), command.programmeMemberships(), command.relatedParties());
    }
}

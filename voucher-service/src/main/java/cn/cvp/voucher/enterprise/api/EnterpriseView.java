package cn.cvp.voucher.enterprise.api;

import cn.cvp.voucher.enterprise.domain.DishonestyRecord;
import cn.cvp.voucher.enterprise.domain.Enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An enterprise as the API shows it; {@code dishonest} is its own undated declaration, {@code dishonestyRecords}
 * the dated records the programme office entered (newest first).
 */
public record EnterpriseView(UUID id, String creditCode, String name, String region, String industry,
                             String size, boolean startup, boolean team, String ownership, boolean dishonest,
                             List<DishonestyRecordView> dishonestyRecords,
                             List<String> relatedParties, OffsetDateTime registeredAt) {

    public record DishonestyRecordView(String reference, LocalDate recordedOn, String authority, String enteredBy,
                                       OffsetDateTime enteredAt) {
        static DishonestyRecordView of(DishonestyRecord r) {
            return new DishonestyRecordView(r.reference(), r.recordedOn(), r.authority(), r.enteredBy(), r.enteredAt());
        }
    }

    public static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.id(), e.creditCode(), e.name(), e.region(), e.industry(), e.size(), e.startup(),
                e.team(), e.ownership(), e.dishonest(),
                e.dishonestyRecords().stream().map(DishonestyRecordView::of).toList(),
                e.relatedParties(), e.registeredAt());
    }
}

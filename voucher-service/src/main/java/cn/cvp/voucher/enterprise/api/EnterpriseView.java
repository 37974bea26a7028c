package cn.cvp.voucher.enterprise.api;

import cn.cvp.voucher.enterprise.domain.Enterprise;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record EnterpriseView(UUID id, String creditCode, String name, String region, String industry,
                             String size, boolean startup, boolean team, String ownership, boolean dishonest,
                             List<String> relatedParties, OffsetDateTime registeredAt) {
    public static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.id(), e.creditCode(), e.name(), e.region(), e.industry(), e.size(), e.startup(),
                e.team(), e.ownership(), e.dishonest(), e.relatedParties(), e.registeredAt());
    }
}

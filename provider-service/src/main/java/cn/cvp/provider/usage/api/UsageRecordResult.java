package cn.cvp.provider.usage.api;

import cn.cvp.provider.usage.domain.UsageBatch;

import java.util.UUID;

/** The answer for one submitted usage record. */
public record UsageRecordResult(String recordId, String status, UUID usageReportId, String code, String message) {
    static UsageRecordResult of(UsageBatch.Result r, boolean chinese) {
        return new UsageRecordResult(r.recordId(), r.status().name(), r.usageReportId(), r.code(),
                chinese ? r.messageZh() : r.messageEn());
    }
}

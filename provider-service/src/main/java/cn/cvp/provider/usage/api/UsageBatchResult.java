package cn.cvp.provider.usage.api;

import cn.cvp.provider.usage.domain.UsageBatch;

import java.util.List;

/** The answer for a usage batch: counts, and one result per record in the order submitted. */
public record UsageBatchResult(int received, long acceptedForProcessing, long duplicates, long rejected,
                               List<UsageRecordResult> results) {
    static UsageBatchResult of(List<UsageBatch.Result> results, boolean chinese) {
        return new UsageBatchResult(results.size(),
                count(results, UsageBatch.Outcome.ACCEPTED_FOR_PROCESSING),
                count(results, UsageBatch.Outcome.DUPLICATE),
                count(results, UsageBatch.Outcome.REJECTED),
                results.stream().map(r -> UsageRecordResult.of(r, chinese)).toList());
    }

    private static long count(List<UsageBatch.Result> results, UsageBatch.Outcome outcome) {
        return results.stream().filter(r -> r.status() == outcome).count();
    }
}

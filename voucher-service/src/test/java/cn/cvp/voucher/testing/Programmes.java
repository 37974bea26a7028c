package cn.cvp.voucher.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test programmes created through the administrators' API, as a new city would be configured. */
public final class Programmes {
    private Programmes() {
    }

    public static Map<String, Object> rules(String ratio, long annualCapFen, long thresholdFen) {
        Map<String, Object> r = new HashMap<>();
        r.put("jurisdiction", "110000");
        r.put("kind", "COMPUTE_VOUCHER");
        r.put("model", "CONTRACT_FIRST");
        r.put("subsidyRatio", ratio);
        r.put("annualCapFen", annualCapFen);
        r.put("capCountsRedeemed", true);
        r.put("coveredCategories", List.of("COMPUTE"));
        r.put("eligibleRegionPrefix", "11");
        r.put("eligibleIndustries", List.of());
        r.put("eligibleSizes", List.of());
        r.put("teamsAllowed", false);
        r.put("dishonestyLookbackYears", 3);
        r.put("providerRequirements", List.of("PARTNER_PROGRAMME"));
        r.put("earliestContractDate", "2023-09-01");
        r.put("maxContractMonths", 12);
        r.put("oneContractOneApplication", true);
        r.put("voucherValidityMonths", 12);
        r.put("secondApproverThresholdFen", thresholdFen);
        r.put("settlementCycle", "MONTHLY");
        r.put("redemptionSubmitter", "ENTERPRISE");
        r.put("applicationWindowStart", "2023-01-01");
        r.put("applicationWindowEnd", "2030-12-31");
        return r;
    }

    /**
     * Shanghai's quota-first rules (额度先行): 50 %, ¥300,000 a year, ¥100,000 for an incubated team, compute and
     * storage, Shanghai enterprises, listed institutions only, no contract required.
     */
    public static Map<String, Object> shanghaiQuotaFirst() {
        Map<String, Object> r = rules("0.50", 30_000_000L, 1_000_000_000L);
        r.put("jurisdiction", "310000");
        r.put("kind", "INNOVATION_VOUCHER");
        r.put("model", "QUOTA_FIRST");
        r.put("teamAnnualCapFen", 10_000_000L);
        r.put("teamsAllowed", true);
        r.put("capCountsRedeemed", false);
        r.put("coveredCategories", List.of("COMPUTE", "STORAGE"));
        r.put("eligibleRegionPrefix", "31");
        r.put("providerRequirements", List.of("LISTED_INSTITUTION"));
        r.put("earliestContractDate", null);
        r.put("maxContractMonths", null);
        r.put("oneContractOneApplication", false);
        r.put("settlementCycle", "QUARTERLY");
        r.put("redemptionSubmitter", "PROVIDER");
        return r;
    }

    /** An application for the enterprise's annual quota under a quota-first programme (no contract). */
    public static Map<String, Object> quotaApplication(String programmeCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeCode", programmeCode);
        body.put("demand", Map.of("resourceClass", "GPU_A800_80G", "cardHours", 2000, "regions", List.of("310000"),
                "windowStart", "2026-12-01T00:00:00+08:00", "windowEnd", "2027-11-30T00:00:00+08:00"));
        body.put("purpose", "全年模型训练算力 (a year of model training)");
        body.put("amountFen", 60_000_000L);
        body.put("quota", true);
        return body;
    }

    /**
     * Creates and opens a programme; returns its code. A contract-first programme gets {@link Partners}' provider as
     * a partner, so that {@link #application}'s contract is signed with one.
     */
    public static String open(String prefix, long budgetFen, Map<String, Object> rules) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replaceAll("[^A-Z0-9]", "A");
        Actors.admin().body(Map.of("code", code, "name", "测试项目 " + code, "budgetTotalFen", budgetFen, "rules", rules))
                .post("/api/programmes").then().statusCode(201);
        Actors.admin().post("/api/programmes/" + code + "/open").then().statusCode(200);
        if ("CONTRACT_FIRST".equals(rules.get("model"))) {
            Partners.admit(code);
        }
        return code;
    }

    public static Map<String, Object> application(String programmeCode, long amountFen) {
        Map<String, Object> body = new HashMap<>(Fixtures.beijingApplication(amountFen));
        body.put("programmeCode", programmeCode);
        return body;
    }
}

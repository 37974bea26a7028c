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

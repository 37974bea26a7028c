package cn.cvp.voucher.programme.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Partners;
import cn.cvp.voucher.testing.Programmes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * A new city is configuration, not code (issue 12 item 8): Shenzhen (50 %, startups 60 %, ¥10,000,000 a year) and
 * Hangzhou (domestic chips 30 %, others 20 %) are created through the administrators' API alone, and their vouchers
 * carry the face values their rules give.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ThirdCityProgrammeTest {
    private static final String SZ_STARTUP = Partners.creditCode("91440300MA5PKT001");
    private static final String SZ_COMPANY = Partners.creditCode("91440300MA5PKC002");
    private static final String HZ_COMPANY = Partners.creditCode("91330100MA2HKC003");

    private static RequestSpecification as(String org) {
        return Actors.enterprise("ent-" + org.substring(12, 17), org);
    }

    private static void register(String org, String region, boolean startup) {
        as(org).body(Map.of("name", "城市测试企业 " + org, "creditCode", org, "region", region,
                        "industry", "SOFTWARE_IT_SERVICES", "size", "SMALL", "startup", startup, "team", false,
                        "ownership", "PRIVATE", "dishonest", false, "relatedParties", List.of()))
                .post("/api/enterprises").then().statusCode(anyOf(is(201), is(409)));
    }

    private static Map<String, Object> city(String jurisdiction, String prefix, String ratio, String startupRatio,
                                            String domesticRatio, long annualCapFen) {
        Map<String, Object> r = Programmes.rules(ratio, annualCapFen, 100_000_000_000L);
        r.put("jurisdiction", jurisdiction);
        r.put("eligibleRegionPrefix", prefix);
        r.put("startupSubsidyRatio", startupRatio);
        r.put("domesticChipSubsidyRatio", domesticRatio);
        return r;
    }

    /** Submits and issues an application of {@code amountFen} for the resource class; returns the voucher's face value. */
    private static int issuedFaceValue(String org, String code, long amountFen, String resourceClass) {
        Map<String, Object> body = new HashMap<>(Programmes.application(code, amountFen));
        @SuppressWarnings("unchecked")
        Map<String, Object> demand = new HashMap<>((Map<String, Object>) body.get("demand"));
        demand.put("resourceClass", resourceClass);
        body.put("demand", demand);
        String id = Fixtures.submitted(as(org), as(org), body);
        String voucherId = Fixtures.issue(id);
        return as(org).get("/api/vouchers/" + voucherId).then().statusCode(200).extract().path("faceValueFen");
    }

    @Test
    void shenzhenPaysHalfAStartupSixtyPercentAndCapsAYearAtTenMillion() {
        String sz = Programmes.open("SZ", 100_000_000_000L,
                city("440300", "4403", "0.50", "0.60", null, 1_000_000_000L));
        Actors.admin().get("/api/programmes/" + sz).then().statusCode(200)
                .body("rules.startupSubsidyRatio", equalTo(0.60f));
        register(SZ_STARTUP, "440305", true);
        register(SZ_COMPANY, "440305", false);

        // ¥1,000,000 contracts: ¥500,000 for a company, ¥600,000 for a startup
        org.assertj.core.api.Assertions.assertThat(issuedFaceValue(SZ_COMPANY, sz, 100_000_000L, "GPU_A800_80G"))
                .isEqualTo(50_000_000);
        org.assertj.core.api.Assertions.assertThat(issuedFaceValue(SZ_STARTUP, sz, 100_000_000L, "GPU_A800_80G"))
                .isEqualTo(60_000_000);
        // the startup's ¥20,000,000 contract (60 % = ¥12,000,000): capped at the ¥9,400,000 left of its ¥10m year
        String id = as(SZ_STARTUP).body(Programmes.application(sz, 2_000_000_000L)).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        as(SZ_STARTUP).post("/api/applications/" + id + "/submit").then().statusCode(200)
                .body("requestedSubsidyFen", equalTo(1_200_000_000))
                .body("faceValueFen", equalTo(940_000_000))
                .body("cappedBy", equalTo("ANNUAL_CAP"));
        // a Beijing enterprise is not eligible in Shenzhen
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");
        String beijing = Actors.enterprise().body(Programmes.application(sz, 100_000_000L)).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        Actors.enterprise().post("/api/applications/" + beijing + "/submit").then().statusCode(422)
                .body("code", equalTo("NOT_ELIGIBLE_REGION"));
    }

    @Test
    void hangzhouPaysThirtyPercentForDomesticChipsAndTwentyForOthers() {
        String hz = Programmes.open("HZ", 100_000_000_000L,
                city("330100", "3301", "0.20", null, "0.30", 500_000_000L));
        register(HZ_COMPANY, "330106", false);

        org.assertj.core.api.Assertions.assertThat(issuedFaceValue(HZ_COMPANY, hz, 100_000_000L, "NPU_ASCEND_910B"))
                .isEqualTo(30_000_000);
        org.assertj.core.api.Assertions.assertThat(issuedFaceValue(HZ_COMPANY, hz, 100_000_000L, "GPU_A800_80G"))
                .isEqualTo(20_000_000);
    }
}

package cn.cvp.voucher.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** Requests the tests send, in the API's own JSON. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Map<String, Object> enterprise(String creditCode, String region) {
        return Map.of("name", "北京智算科技有限公司", "creditCode", creditCode, "region", region,
                "industry", "SOFTWARE_IT_SERVICES", "size", "SMALL", "startup", false, "team", false,
                "ownership", "PRIVATE", "dishonest", false, "relatedParties", List.of());
    }

    /**
     * A Beijing application whose contract is signed with {@link Partners}' provider (admit it to the programme
     * before submitting: {@link Partners#admitToBeijing}).
     */
    public static Map<String, Object> beijingApplication(long amountFen) {
        return Map.of("programmeCode", "BJ-AICV",
                "demand", Map.of("resourceClass", "GPU_A800_80G", "cardHours", 1000, "regions", List.of("110000"),
                        "windowStart", "2026-11-01T00:00:00+08:00", "windowEnd", "2027-03-01T00:00:00+08:00"),
                "purpose", "大模型微调 (fine-tuning a language model)",
                "amountFen", amountFen,
                "contract", Map.of("number", "BJ-" + UUID.randomUUID(), "signedOn", "2026-10-15", "months", 6,
                        "providerCreditCode", Partners.CREDIT_CODE));
    }

    /** Registers the caller's enterprise unless it already is. */
    public static void ensureEnterprise(io.restassured.specification.RequestSpecification as, String org, String region) {
        as.body(enterprise(org, region)).post("/api/enterprises").then().statusCode(anyOf(is(201), is(409)));
    }

    /** Reviews and approves a submitted application (below the second-approver threshold); returns the voucher id. */
    public static String issue(String applicationId) {
        Actors.reviewer().post("/api/applications/" + applicationId + "/review").then().statusCode(200);
        return Actors.approver().post("/api/applications/" + applicationId + "/approve").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ISSUED")).extract().path("voucherId");
    }

    /** Drafts and submits an application; returns its id. */
    public static String submitted(io.restassured.specification.RequestSpecification draft,
                                   io.restassured.specification.RequestSpecification submit, Map<String, Object> body) {
        String id = draft.body(body).post("/api/applications").then().statusCode(201).extract().path("id");
        submit.post("/api/applications/" + id + "/submit").then().statusCode(200);
        return id;
    }
}

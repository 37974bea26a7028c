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

    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A fresh, valid unified social credit code of an enterprise registered in the division (e.g. 310115). */
    public static String creditCode(String division) {
        StringBuilder code = new StringBuilder("91").append(division);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (code.length() < 17) {
            code.append(CREDIT_CODE_ALPHABET.charAt(random.nextInt(CREDIT_CODE_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_ALPHABET.indexOf(code.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        return code.append(CREDIT_CODE_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
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

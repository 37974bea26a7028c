package cn.cvp.voucher.review.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Partners;
import cn.cvp.voucher.testing.Programmes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.cvp.voucher.testing.Actors.ENTERPRISE_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/**
 * One contract, one subsidy through REST against real PostgreSQL: a contract is its number, the enterprise and the
 * provider, across every programme; a live application holds it, a withdrawn or rejected one frees it, and of two
 * simultaneous submissions of the same contract exactly one wins.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class OneContractOneSubsidyTest {
    static final String OTHER_BEIJING_ORG = Partners.creditCode("91110108MA0WECND0");

    @BeforeEach
    void enterprisesAndPartner() {
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        Actors.enterprise("e-second", OTHER_BEIJING_ORG).body(Fixtures.enterprise(OTHER_BEIJING_ORG, "110108"))
                .post("/api/enterprises").then().statusCode(anyOf(equalTo(201), equalTo(409)));
        Partners.admitToBeijing();
    }

    private static Map<String, Object> application(String programmeCode, String contractNumber) {
        Map<String, Object> body = new HashMap<>(Programmes.application(programmeCode, 1_000_000));
        body.put("contract", Map.of("number", contractNumber, "signedOn", "2026-10-15", "months", 6,
                "providerCreditCode", Partners.CREDIT_CODE));
        return body;
    }

    private static String draft(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/applications").then().statusCode(201).extract().path("id");
    }

    private static Response submit(RequestSpecification as, String id) {
        return as.post("/api/applications/" + id + "/submit");
    }

    private static String anotherProgramme() {
        return Programmes.open("OC", 1_000_000_000L, Programmes.rules("0.20", 1_000_000_000L, 1_000_000_000L));
    }

    @Test
    void twoEnterprisesMayEachHaveTheirOwnContractOfTheSameNumber() {
        String number = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        submit(Actors.enterprise(), draft(Actors.enterprise(), application("BJ-AICV", number))).then().statusCode(200);
        RequestSpecification second = Actors.enterprise("e-second", OTHER_BEIJING_ORG);
        submit(second, draft(Actors.enterprise("e-second", OTHER_BEIJING_ORG), application("BJ-AICV", number)))
                .then().statusCode(200);
    }

    @Test
    void theSameContractIsRefusedInASecondProgrammeUntilTheFirstApplicationIsWithdrawn() {
        String number = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        String other = anotherProgramme();
        String first = draft(Actors.enterprise(), application("BJ-AICV", number));
        submit(Actors.enterprise(), first).then().statusCode(200);

        String second = draft(Actors.enterprise(), application(other, number));
        submit(Actors.enterprise(), second).then().statusCode(422).body("code", equalTo("CONTRACT_ALREADY_USED"))
                .body("detail", equalTo("Contract " + number + " already has an application"));
        Actors.enterprise().header("Accept-Language", "zh-CN").post("/api/applications/" + second + "/submit").then()
                .statusCode(422).body("detail", equalTo("合同 " + number + " 已申请过补贴"));
        Actors.enterprise().get("/api/applications/" + second).then().body("status", equalTo("DRAFT"))
                .body("reservedFen", equalTo(0));

        Actors.enterprise().post("/api/applications/" + first + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        submit(Actors.enterprise(), second).then().statusCode(200);
    }

    @Test
    void aRejectedApplicationFreesItsContract() {
        String number = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        String first = draft(Actors.enterprise(), application("BJ-AICV", number));
        submit(Actors.enterprise(), first).then().statusCode(200);
        String again = draft(Actors.enterprise(), application("BJ-AICV", number));
        submit(Actors.enterprise(), again).then().statusCode(422).body("code", equalTo("CONTRACT_ALREADY_USED"));

        Actors.reviewer().post("/api/applications/" + first + "/review").then().statusCode(200);
        Actors.reviewer().body(Map.of("reason", "合同与需求不符 (contract does not match the demand)"))
                .post("/api/applications/" + first + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        submit(Actors.enterprise(), again).then().statusCode(200);
    }

    @Test
    void ofTwoSimultaneousSubmissionsOfOneContractInTwoProgrammesExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String number = "HT-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> ids = List.of(draft(Actors.enterprise(), application("BJ-AICV", number)),
                    draft(Actors.enterprise(), application(anotherProgramme(), number)));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> answers = ids.stream().map(id -> pool.submit(() -> {
                    start.await();
                    return submit(Actors.enterprise(), id);
                })).toList();
                start.countDown();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (Future<Response> f : answers) {
                    Response r = f.get();
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 422) {
                        assertThat(r.jsonPath().getString("code")).isEqualTo("CONTRACT_ALREADY_USED");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 422);
            } finally {
                pool.shutdown();
            }
        }
    }
}

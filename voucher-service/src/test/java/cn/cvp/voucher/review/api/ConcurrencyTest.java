package cn.cvp.voucher.review.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.kit.testing.TestTokens;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Programmes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first invariant against real PostgreSQL: the committed budget never exceeds the total and an
 * enterprise never exceeds its annual cap, with hundreds of concurrent requests.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ConcurrencyTest {
    static final int THREADS = 32;

    private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = pool.invokeAll(calls);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static Map<Object, Long> count(List<?> codes) {
        return codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long field(String code, String name) {
        return ((Number) Actors.admin().get("/api/programmes/" + code).then().extract().path(name)).longValue();
    }

    @Test
    void hundredsOfConcurrentSubmissionsAndApprovalsNeverOverspendTheBudget() throws Exception {
        // budget for 150 vouchers of ¥100 (10,000 fen: 50 % of 20,000 fen) and half of one more; 250 applications
        // compete: 150 get ¥100, one is capped to the ¥50 left (BUDGET), the others are refused
        long budget = 150 * 10_000L + 5_000L;
        String code = Programmes.open("CC", budget, Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L));
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");
        List<String> drafts = concurrently(java.util.stream.IntStream.range(0, 250).<Callable<String>>mapToObj(i -> () ->
                Actors.enterprise().body(Programmes.application(code, 20_000)).post("/api/applications")
                        .then().statusCode(201).extract().<String>path("id")).toList());

        List<Integer> submitted = concurrently(drafts.stream().<Callable<Integer>>map(id -> () ->
                Actors.enterprise().post("/api/applications/" + id + "/submit").statusCode()).toList());
        assertThat(count(submitted)).containsEntry(200, 151L).containsEntry(422, 99L);
        assertThat(field(code, "budgetReservedFen")).isEqualTo(budget);

        List<String> underReview = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (submitted.get(i) == 200) {
                underReview.add(drafts.get(i));
            }
        }
        concurrently(underReview.stream().<Callable<Integer>>map(id -> () ->
                Actors.reviewer().post("/api/applications/" + id + "/review").then().statusCode(200).extract().statusCode()).toList());

        // 300 concurrent approvals: every application is approved by two approvers at once; one of each pair wins
        String t1 = TestTokens.token("approver-demo", Actors.OFFICE, "approver");
        String t2 = TestTokens.token("approver2-demo", Actors.OFFICE, "approver");
        List<Callable<Integer>> approvals = new ArrayList<>();
        for (String id : underReview) {
            for (String token : List.of(t1, t2)) {
                approvals.add(() -> RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                        .post("/api/applications/" + id + "/approve").statusCode());
            }
        }
        List<Integer> approved = concurrently(approvals);
        assertThat(count(approved)).containsEntry(200, 151L).containsEntry(409, 151L);

        assertThat(field(code, "budgetCommittedFen")).isEqualTo(budget);
        assertThat(field(code, "budgetReservedFen")).isZero();
        List<Integer> faces = Actors.admin().get("/api/vouchers").then().extract().path("findAll { it.programmeId == '"
                + Actors.admin().get("/api/programmes/" + code).then().extract().path("id") + "' }.faceValueFen");
        assertThat(faces).hasSize(151);
        assertThat(count(faces)).containsEntry(10_000, 150L).containsEntry(5_000, 1L);
    }

    @Test
    void concurrentApplicationsOfOneEnterpriseNeverPassItsAnnualCap() throws Exception {
        // cap ¥1,050 (105,000 fen) per year; 40 concurrent applications of ¥100 subsidy each: 10 get ¥100, one is
        // capped to the ¥50 left (ANNUAL_CAP), the others are refused
        String code = Programmes.open("CAP", 100_000_000_000L, Programmes.rules("0.50", 105_000L, 1_000_000_000L));
        String org = Actors.ENTERPRISE_ORG;
        Fixtures.ensureEnterprise(Actors.enterprise(), org, "110108");
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            drafts.add(Actors.enterprise().body(Programmes.application(code, 20_000)).post("/api/applications")
                    .then().statusCode(201).extract().path("id"));
        }
        List<String> outcomes = concurrently(drafts.stream().<Callable<String>>map(id -> () -> {
            var response = Actors.enterprise().post("/api/applications/" + id + "/submit");
            return response.statusCode() == 200 ? "OK " + response.path("cappedBy") + " " + response.path("faceValueFen")
                    : response.path("code");
        }).toList());
        assertThat(count(outcomes)).containsEntry("OK NONE 10000", 10L).containsEntry("OK ANNUAL_CAP 5000", 1L)
                .containsEntry("ANNUAL_CAP_EXCEEDED", 29L);
        assertThat(field(code, "budgetReservedFen")).isEqualTo(105_000L);
    }
}

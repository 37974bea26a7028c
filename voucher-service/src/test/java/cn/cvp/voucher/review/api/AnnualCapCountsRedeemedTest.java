package cn.cvp.voucher.review.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Programmes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.cvp.voucher.testing.Actors.ENTERPRISE_ORG;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code capCountsRedeemed}: where the annual cap counts what the enterprise is paid (Beijing), the unspent face
 * value of a revoked voucher stops counting and can be applied for again in the same year; where it counts what was
 * granted (Shanghai), it stays counted.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class AnnualCapCountsRedeemedTest {

    /** A fresh programme (the enterprise's year starts empty): 20 %, ¥2,000,000 a year. */
    private static String programme(boolean capCountsRedeemed) {
        Map<String, Object> rules = Programmes.rules("0.20", 200_000_000L, 1_000_000_000L);
        rules.put("capCountsRedeemed", capCountsRedeemed);
        return Programmes.open(capCountsRedeemed ? "REDEEMED" : "GRANTED", 100_000_000_000L, rules);
    }

    /** A ¥10,000,000 contract: the whole ¥2,000,000 cap, issued and then revoked unspent. */
    private static void wholeCapIssuedAndRevoked(String code) {
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        String first = Fixtures.submitted(Actors.enterprise(), Actors.enterprise(),
                Programmes.application(code, 1_000_000_000L));
        String voucherId = Fixtures.issue(first);
        Actors.admin().body(Map.of("reason", "申报材料不实 (false declaration)"))
                .post("/api/vouchers/" + voucherId + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
    }

    @Test
    void whereTheCapCountsWhatIsRedeemedARevokedVouchersUnspentValueCanBeAppliedForAgain() {
        String code = programme(true);
        wholeCapIssuedAndRevoked(code);

        String again = Actors.enterprise().body(Programmes.application(code, 1_000_000_000L))
                .post("/api/applications").then().statusCode(201).extract().path("id");
        Actors.enterprise().post("/api/applications/" + again + "/submit").then().statusCode(200)
                .body("faceValueFen", equalTo(200_000_000))
                .body("cappedBy", equalTo("NONE"));
    }

    @Test
    void whereTheCapCountsWhatIsGrantedARevokedVoucherStillCounts() {
        String code = programme(false);
        wholeCapIssuedAndRevoked(code);

        String again = Actors.enterprise().body(Programmes.application(code, 1_000_000_000L))
                .post("/api/applications").then().statusCode(201).extract().path("id");
        Actors.enterprise().post("/api/applications/" + again + "/submit").then().statusCode(422)
                .body("code", equalTo("ANNUAL_CAP_EXCEEDED"));
    }
}

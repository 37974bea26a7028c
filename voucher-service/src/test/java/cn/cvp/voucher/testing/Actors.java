package cn.cvp.voucher.testing;

import cn.cvp.kit.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The demo realm's people, as signed test tokens. */
public final class Actors {
    public static final String ENTERPRISE_ORG = "91110108MA01ENT1XN";
    public static final String OTHER_ENTERPRISE_ORG = "91310115MA02ENT29X";
    public static final String OFFICE = "PROGRAMME-OFFICE";

    private Actors() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification enterprise() {
        return as(TestTokens.token("enterprise-demo", ENTERPRISE_ORG, "enterprise"));
    }

    public static RequestSpecification enterprise(String user, String org) {
        return as(TestTokens.token(user, org, "enterprise"));
    }

    public static RequestSpecification otherEnterprise() {
        return as(TestTokens.token("enterprise-other", OTHER_ENTERPRISE_ORG, "enterprise"));
    }

    public static RequestSpecification approver() {
        return as(TestTokens.token("approver-demo", OFFICE, "approver"));
    }

    public static RequestSpecification approver(String user) {
        return as(TestTokens.token(user, OFFICE, "approver"));
    }

    public static RequestSpecification reviewer() {
        return as(TestTokens.token("reviewer-demo", OFFICE, "reviewer"));
    }

    public static RequestSpecification admin() {
        return as(TestTokens.token("admin-demo", OFFICE, "platform-admin", "reviewer", "approver"));
    }

    public static RequestSpecification auditor() {
        return as(TestTokens.token("auditor-demo", null, "auditor"));
    }
}

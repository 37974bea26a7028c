package cn.cvp.voucher;

import cn.cvp.kit.problem.StrictJson;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.kit.testing.TestTokens;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Partners;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static cn.cvp.voucher.testing.Actors.ENTERPRISE_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Issue 14 item 2, strict input: every refusal of a bad request is a 4xx problem+json with a stable code and both
 * languages, never a 500 or an empty body, and nothing is stored (the same contract number is accepted afterwards,
 * which one contract, one application would refuse had anything been stored).
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class StrictInputTest {

    @BeforeEach
    void theContractsProviderIsAPartner() {
        Partners.admitToBeijing();
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ObjectMapper mapper;

    @Test
    void anUnknownFieldIs400UnknownFieldNamingItAndNothingIsStored() throws Exception {
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        Map<String, Object> application = Fixtures.beijingApplication(10_000_000);
        Map<String, Object> withUnknown = new HashMap<>(application);
        withUnknown.put("voucherFaceValueFen", 999_999_999);
        Actors.enterprise().body(JSON.writeValueAsString(withUnknown)).post("/api/applications").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_FIELD"))
                .body("messages.en", containsString("voucherFaceValueFen"))
                .body("messages.zh", containsString("voucherFaceValueFen"));
        Actors.enterprise().body(application).post("/api/applications").then().statusCode(201);
    }

    @Test
    void aRepeatedKeyAnywhereIs400DuplicateFieldAndNothingIsStored() throws Exception {
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        Map<String, Object> application = Fixtures.beijingApplication(10_000_000);
        String json = JSON.writeValueAsString(application);
        String atTheEnd = json.substring(0, json.length() - 1) + ",\"purpose\":\"again\"}";
        String atTheStart = "{\"amountFen\":1," + json.substring(1);
        for (String body : new String[] {atTheEnd, atTheStart}) {
            Actors.enterprise().body(body).post("/api/applications").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("DUPLICATE_FIELD"))
                    .body("messages.zh", notNullValue());
        }
        Actors.enterprise().body(application).post("/api/applications").then().statusCode(201);
    }

    @Test
    void absurdNestingAndOverLongStringsAre400NeverA500() throws Exception {
        Map<String, Object> application = new HashMap<>(Fixtures.beijingApplication(10_000_000));
        // nesting inside a typed request meets a wrong shape or an unknown field first; either way a 400
        String nested = "{\"demand\":" + "{\"demand\":".repeat(5_000) + "1" + "}".repeat(5_001);
        Actors.enterprise().body(nested).post("/api/applications").then().statusCode(400)
                .contentType("application/problem+json").body("code", notNullValue());
        // the reader itself refuses what nests deeper than the kit's limit, whatever the target type
        String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> mapper.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
        application.put("purpose", "长".repeat(StrictJson.MAX_STRING_LENGTH + 1));
        Actors.enterprise().body(JSON.writeValueAsString(application)).post("/api/applications").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INPUT_LIMIT_EXCEEDED"))
                .body("messages.zh", notNullValue());
    }

    @Test
    void refusalsOfTheCallerAreProblemJsonWithACode() {
        RestAssured.given().get("/api/vouchers").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED")).body("messages.zh", notNullValue());
        Actors.as(TestTokens.tokenForAudience("some-other-api", "enterprise-demo", ENTERPRISE_ORG, "enterprise"))
                .get("/api/vouchers").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        Actors.as("not.a.token").get("/api/vouchers").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        Actors.as(TestTokens.token("provider-demo", "91110105MA03PRD108", "provider")).get("/api/vouchers").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN")).body("messages.en", notNullValue()).body("messages.zh", notNullValue());
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJson() throws Exception {
        long overTheLimit = 10L * 1024 * 1024 + 1;
        // as curl sends large bodies: the headers first, waiting for "100 Continue"; the refusal comes instead
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String token = TestTokens.token("enterprise-demo", ENTERPRISE_ORG, "enterprise");
            socket.getOutputStream().write(("POST /api/applications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + overTheLimit + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = readResponse(socket);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).containsIgnoringCase("content-type: application/problem+json");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(JSON.readTree(body).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(JSON.readTree(body).path("messages").path("zh").asText()).contains("请求体过大");
        }
    }

    /** One HTTP/1.1 response (headers and a Content-Length body), without waiting for the connection to close. */
    private static String readResponse(Socket socket) throws java.io.IOException {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        java.io.InputStream in = socket.getInputStream();
        int headerEnd = -1;
        long length = -1;
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                seen.write(b);
                String text = seen.toString(StandardCharsets.UTF_8);
                if (headerEnd < 0 && text.endsWith("\r\n\r\n")) {
                    if (text.startsWith("HTTP/1.1 100")) {
                        seen.reset();
                        continue;
                    }
                    headerEnd = seen.size();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                    length = m.find() ? Long.parseLong(m.group(1)) : 0;
                }
                if (headerEnd >= 0 && seen.size() >= headerEnd + length) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no complete response within the timeout; received: " + seen.toString(StandardCharsets.UTF_8), e);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }
}

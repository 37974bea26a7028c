package cn.cvp.provider;

import cn.cvp.kit.testing.LocalInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

/** The published API contract lists every operation with its error codes. */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class OpenApiTest {

    @Test
    void documentsTheOperationsAndTheirErrorCodes() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", is("provider-service API"))
                .body("paths", hasKey("/api/providers"))
                .body("paths", hasKey("/api/providers/{id}/accreditation"))
                .body("paths", hasKey("/api/offerings/{id}/publish"))
                .body("paths", hasKey("/api/allocations/{id}"))
                .body("paths.'/api/usage-reports'.post.responses.'413'.description", containsString("BATCH_TOO_LARGE"))
                .body("paths.'/api/providers'.post.responses.'409'.description", containsString("PROVIDER_ALREADY_REGISTERED"));
    }
}

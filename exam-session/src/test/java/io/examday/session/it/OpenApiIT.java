package io.examday.session.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.examday.session.support.ExamSessionTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The wire contract is published at /q/openapi (what `./examday up` prints), with every call. */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class OpenApiIT {

  @Test
  void openApiListsTheCandidateEndpoints() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("examday exam-session API"))
        .body("paths.'/api/v1/login'.post", notNullValue())
        .body("paths.'/api/v1/session'.get", notNullValue())
        .body("paths.'/api/v1/session/answers'.put", notNullValue())
        .body("paths.'/api/v1/session/submit'.post", notNullValue());
  }
}

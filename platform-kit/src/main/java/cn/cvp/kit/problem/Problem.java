package cn.cvp.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RFC 9457 problem details body, with our stable {@code code} and both languages. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code,
                      Map<String, String> messages, List<ProblemException.FieldError> errors,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions;
    }

    public static Response response(ProblemException e, HttpHeaders headers) {
        boolean chinese = headers != null && headers.getAcceptableLanguages().stream()
                .findFirst().map(l -> l.getLanguage().equals(Locale.CHINESE.getLanguage())).orElse(false);
        Problem body = new Problem(
                "https://cvp.example.cn/problems/" + e.code().toLowerCase(Locale.ROOT).replace('_', '-'),
                Response.Status.fromStatusCode(e.status()) != null
                        ? Response.Status.fromStatusCode(e.status()).getReasonPhrase() : "Error",
                e.status(),
                chinese ? e.messageZh() : e.messageEn(),
                e.code(),
                Map.of("en", e.messageEn(), "zh", e.messageZh()),
                e.errors(),
                e.extensions());
        return Response.status(e.status()).type(MediaType.valueOf(MEDIA_TYPE)).entity(body).build();
    }
}

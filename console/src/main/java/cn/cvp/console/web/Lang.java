package cn.cvp.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * The page language: Chinese by default; English when {@code ?lang=en} is given (remembered in the
 * {@code cvp_lang} cookie by {@link LangCookieFilter}) or the cookie says so.
 */
@RequestScoped
public class Lang {
    public static final String COOKIE = "cvp_lang";

    private final boolean english;

    public Lang(UriInfo uri, HttpHeaders headers) {
        String q = uri.getQueryParameters().getFirst("lang");
        if (q == null && headers.getCookies().get(COOKIE) != null) {
            q = headers.getCookies().get(COOKIE).getValue();
        }
        this.english = "en".equalsIgnoreCase(q);
    }

    public boolean english() {
        return english;
    }

    public String code() {
        return english ? "en" : "zh";
    }
}

package cn.cvp.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;

/** {@code ?lang=en} or {@code ?lang=zh} on any page switches the language and remembers it for a year. */
@Provider
public class LangCookieFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String lang = request.getUriInfo().getQueryParameters().getFirst("lang");
        if ("en".equals(lang) || "zh".equals(lang)) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(Lang.COOKIE).value(lang).path("/")
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build());
        }
    }
}

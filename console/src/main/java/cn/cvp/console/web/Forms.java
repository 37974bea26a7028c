package cn.cvp.console.web;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Post/redirect/get helpers for the pages' forms. */
final class Forms {
    private Forms() {
    }

    static Response redirect(String path, String msg) {
        String sep = path.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(msg == null ? path : path + sep + "msg=" + URLEncoder.encode(msg, StandardCharsets.UTF_8)))
                .build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

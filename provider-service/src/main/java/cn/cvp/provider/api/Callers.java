package cn.cvp.provider.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.provider.application.Page;
import cn.cvp.provider.application.Viewer;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/** Small translations from the request to what the use cases need. */
final class Callers {
    static final int MAX_PAGE_SIZE = 500;

    private Callers() {
    }

    static Viewer viewer(Caller caller) {
        return new Viewer(caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.AUDITOR), caller.organisation());
    }

    static Page page(int index, int size) {
        return new Page(index, size);
    }

    /** Whether the caller prefers Chinese (Accept-Language: zh…); English otherwise. */
    static boolean chinese(HttpHeaders headers) {
        return headers != null && headers.getAcceptableLanguages().stream().findFirst()
                .map(l -> l.getLanguage().equals(Locale.CHINESE.getLanguage())).orElse(false);
    }
}

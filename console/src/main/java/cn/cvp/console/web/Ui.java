package cn.cvp.console.web;

import io.quarkus.qute.TemplateData;

import java.util.Set;

/**
 * What every page template gets as {@code ui}: the language and its helpers, who is signed in, the page's path.
 * {@code ui.t('中文', 'English')} keeps both languages side by side in the templates.
 */
@TemplateData
public record Ui(boolean en, String path, String query, User user, String htmxVersion) {

    @TemplateData
    public record User(String name, String organisation, Set<String> roles) {
        public boolean is(String role) {
            return roles.contains(role);
        }

        public boolean staff() {
            return is("reviewer") || is("approver") || is("auditor") || is("platform-admin");
        }

        public boolean enterprise() {
            return is("enterprise");
        }

        public boolean provider() {
            return is("provider");
        }
    }

    public String t(String zh, String english) {
        return en ? english : zh;
    }

    public String lang() {
        return en ? "en" : "zh";
    }

    public String label(Object code) {
        return Labels.of(code, en);
    }

    public String programmeStatus(Object code) {
        return Labels.of("PROGRAMME_" + code, en);
    }

    public String yuan(Object fen) {
        return Fmt.yuan(fen);
    }

    public String time(Object iso) {
        return Fmt.time(iso);
    }

    public java.util.List<String> split(String csv) {
        return java.util.List.of(csv.split(","));
    }

    public String clip(Object text, int max) {
        if (text == null) {
            return "";
        }
        String s = text.toString();
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    public boolean signedIn() {
        return user != null;
    }

    /** The same page in the other language. */
    public String switchUrl() {
        String other = en ? "zh" : "en";
        String q = query == null ? "" : query.replaceAll("(^|&)lang=[a-z]*", "").replaceAll("^&", "");
        return path + "?" + (q.isEmpty() ? "" : q + "&") + "lang=" + other;
    }

    public String short8(Object id) {
        if (id == null) {
            return "—";
        }
        String s = id.toString();
        return s.length() > 8 ? s.substring(0, 8) : s;
    }
}

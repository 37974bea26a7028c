package cn.cvp.console.api;

import java.util.List;
import java.util.Map;

/** What a service answered: the parsed JSON body (maps and lists, for the templates) or the problem. */
public record ApiResult(int status, Object body, Problem problem) {

    public boolean ok() {
        return problem == null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A list answer, or the {@code items} of a paged one. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
        if (body instanceof List<?> l) {
            return (List<Map<String, Object>>) l;
        }
        if (body instanceof Map<?, ?> m && m.get("items") instanceof List<?> items) {
            return (List<Map<String, Object>>) items;
        }
        return List.of();
    }

    /** Throws the problem as a page (404, 403, …) when the call failed: for GETs a page cannot do without. */
    public ApiResult orPage() {
        if (problem != null) {
            throw new ProblemPage(problem);
        }
        return this;
    }
}

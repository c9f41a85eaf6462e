package planbot.web.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * An error of the REST API as RFC 9457 has it ({@code application/problem+json}): type {@code about:blank}, the
 * status's title, and one sentence of detail the caller can act on; never exception text. Handlers throw it; {@link
 * ApiRoutes} answers it. Immutable.
 *
 * @param status     the HTTP status
 * @param detail     what went wrong, in a sentence
 * @param extensions more members (the plans an ambiguous ref is in); empty when none
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final String detail;
    private final transient Map<String, Object> extensions;

    Problem(int status, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false); // a refusal, not a fault: no stack trace to fill in
        this.status = status;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.extensions = Map.copyOf(extensions);
    }

    Problem(int status, String detail) {
        this(status, detail, Map.of());
    }

    int status() {
        return status;
    }

    ObjectNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", "about:blank");
        o.put("title", title(status));
        o.put("status", status);
        o.put("detail", detail);
        extensions.forEach((k, v) -> o.putPOJO(k, v));
        return o;
    }

    static String title(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 413: return "Content Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Content";
            default: return status >= 500 ? "Internal Server Error" : "Error";
        }
    }
}

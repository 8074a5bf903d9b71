package fi.askel.common;

import fi.askel.common.web.Overload;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/**
 * A request the service refuses, with what the caller needs to know. The message is a key in the
 * message bundles, so pages and the API tell the same thing in the user's language.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String messageKey;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;

    /** A field that was wrong, with a message key and its arguments. */
    public record FieldError(String field, String messageKey, Object... args) {}

    public ApiException(int status, String type, String messageKey, List<FieldError> fieldErrors, Object... args) {
        super(type + ": " + messageKey);
        this.status = status;
        this.type = type;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "validation", "error.validation", errors);
    }

    public static ApiException invalid(String field, String messageKey, Object... args) {
        return invalid(List.of(new FieldError(field, messageKey, args)));
    }

    /**
     * 404. Not when the request's transaction has already failed (marked rollback-only): Hibernate's find() then answers
     * null for a read that failed (a connection lost in a cluster failover), and a specialist would be told their client
     * is gone. That is answered as the database being unavailable instead (503 with Retry-After, Overload).
     */
    public static ApiException notFound(String what) {
        if (QuarkusTransaction.isRollbackOnly()) {
            throw new Overload.LostConnection(what);
        }
        return new ApiException(404, "not-found", "error.not-found." + what, List.of());
    }

    public static ApiException conflict(String type, String messageKey, Object... args) {
        return new ApiException(409, type, messageKey, List.of(), args);
    }

    public static ApiException forbidden(String messageKey) {
        return new ApiException(403, "forbidden", messageKey, List.of());
    }

    public int status() { return status; }
    public String type() { return type; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
    public List<FieldError> fieldErrors() { return fieldErrors; }
}

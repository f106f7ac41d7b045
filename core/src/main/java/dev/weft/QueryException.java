package dev.weft;

/** A query names an unknown field, lookup or relation path, or gives a value of the wrong shape. */
public class QueryException extends WeftException {
    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}

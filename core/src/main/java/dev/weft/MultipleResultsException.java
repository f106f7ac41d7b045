package dev.weft;

/** A query expected to match at most one row matched more. */
public class MultipleResultsException extends WeftException {
    private static final long serialVersionUID = 1L;

    public MultipleResultsException(String message) {
        super(message);
    }

    public MultipleResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}

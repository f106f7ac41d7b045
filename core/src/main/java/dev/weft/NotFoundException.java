package dev.weft;

/** A row that was asked for by id, or as the single result of a query, does not exist. */
public class NotFoundException extends WeftException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.weft;

/** The root of every exception Weft throws. Unchecked: a caller handles what it can act on. */
public class WeftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WeftException(String message) {
        super(message);
    }

    public WeftException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.weft.agent.internal;

/**
 * A class the enhancer refuses, with a message that names the class, the field and the fix. weft-core raises
 * a {@code MappingException} with the same rule when such a class is registered.
 */
public final class EnhancementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EnhancementException(String message) {
        super(message);
    }
}

package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;

/**
 * Looks like a class enhanced when it declared other fields ({@code title}, now {@code name}): what a build that
 * recompiled the class without enhancing it again would leave.
 */
@Entity
public class StaleSlots implements Enhanced {
    public static final int $weft$version = Enhanced.CONTRACT_VERSION;
    public static final String[] $weft$fields = {"id", "title"};
    @Id public long id;
    public String name;

    @Override
    public FieldInterceptor $weft$interceptor() {
        return null;
    }

    @Override
    public void $weft$interceptor(FieldInterceptor interceptor) {
    }

    @Override
    public Object $weft$get(int slot) {
        throw new UnsupportedOperationException("never loaded: the class is refused at registration");
    }

    @Override
    public void $weft$set(int slot, Object value) {
        throw new UnsupportedOperationException("never loaded: the class is refused at registration");
    }
}

package example.invalid;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;

/** Looks like a class enhanced by a future enhancer that writes another contract version. */
@Entity
public class StaleEntity implements Enhanced {
    public static final int $weft$version = 99;
    @Id public long id;

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

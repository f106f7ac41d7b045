package example.invalid;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;

import java.util.List;

/**
 * Looks like a class enhanced by an enhancer of contract version 1, whose read accessors leave a new object's
 * collection relations {@code null}.
 */
@Entity
public class VersionOneEntity implements Enhanced {
    public static final int $weft$version = 1;
    @Id public long id;
    public List<VersionOneEntity> children;

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

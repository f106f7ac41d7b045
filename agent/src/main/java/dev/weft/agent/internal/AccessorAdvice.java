package dev.weft.agent.internal;

import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import net.bytebuddy.asm.Advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The code inlined at the start of the generated {@code $weft$read$f()} and {@code $weft$write$f(value)}
 * methods, as {@link Advice} templates: plain Java, compiled and type-checked. The generated method then reads
 * or writes the field itself ({@link net.bytebuddy.implementation.FieldAccessor}).
 *
 * <p>The interceptor is read through {@link Enhanced#$weft$interceptor()} rather than from its field, because
 * in an entity that extends a {@code @MappedSuperclass} the field lives in the superclass, which may be
 * enhanced in the same build (and so not yet carry the field when the entity is described).
 *
 * <p>Scalar and relation fields have their own templates, so that a scalar write is announced without boxing
 * the value. Nothing here is called: Byte Buddy copies the method bodies into the enhanced class.
 */
final class AccessorAdvice {

    private AccessorAdvice() {
    }

    /** Bound to the slot of the field the generated method reads or writes. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Slot {
    }

    static final class ScalarRead {
        private ScalarRead() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Enhanced entity, @Slot int slot) {
            FieldInterceptor interceptor = entity.$weft$interceptor();
            if (interceptor != null) {
                interceptor.beforeRead(entity, slot);
            }
        }
    }

    static final class ScalarWrite {
        private ScalarWrite() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Enhanced entity, @Slot int slot) {
            FieldInterceptor interceptor = entity.$weft$interceptor();
            if (interceptor != null) {
                interceptor.beforeWrite(entity, slot);
            }
        }
    }

    static final class RelationRead {
        private RelationRead() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Enhanced entity, @Slot int slot) {
            FieldInterceptor interceptor = entity.$weft$interceptor();
            if (interceptor != null) {
                interceptor.beforeRelationRead(entity, slot);
            }
        }
    }

    static final class RelationWrite {
        private RelationWrite() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Enhanced entity, @Slot int slot, @Advice.Argument(0) Object value) {
            FieldInterceptor interceptor = entity.$weft$interceptor();
            if (interceptor != null) {
                interceptor.beforeRelationWrite(entity, slot, value);
            }
        }
    }
}

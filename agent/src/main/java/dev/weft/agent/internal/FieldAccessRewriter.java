package dev.weft.agent.internal;

import dev.weft.internal.enhance.Enhanced;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaConstant;

import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Rewrites {@code GETFIELD}/{@code PUTFIELD} of intercepted fields ({@link EntityTypes#isIntercepted}) into
 * calls of the generated accessors: {@code book.author} becomes {@code book.$weft$read$author()} and
 * {@code book.author = a} becomes {@code book.$weft$write$author(a)}, in every method of the class except the
 * generated accessors themselves (which do the real field access).
 *
 * <p>The field is resolved through the type pool of the transformation, so the owning class is described from
 * its class file and never loaded. The accessor is invoked on the type the instruction names (as javac would
 * name it for the field), which may be a subclass of the class that declares the field and the accessor.
 */
final class FieldAccessRewriter {

    private static final AsmVisitorWrapper REWRITER = MemberSubstitution.relaxed()
            .field(new Intercepted()).onRead().replaceWith(new AccessorCall(true))
            .field(new Intercepted()).onWrite().replaceWith(new AccessorCall(false))
            .on(not(nameStartsWith("$weft$")));

    private FieldAccessRewriter() {
    }

    static AsmVisitorWrapper visitor() {
        return REWRITER;
    }

    /** The accessor that replaces a read ({@code $weft$read$f()}) or a write ({@code $weft$write$f(value)}). */
    static MethodDescription accessor(FieldDescription field, boolean read) {
        TypeDescription owner = field.getDeclaringType().asErasure();
        TypeDescription.Generic type = field.getType().asErasure().asGenericType();
        List<ParameterDescription.Token> parameters = read
                ? Collections.emptyList()
                : List.of(new ParameterDescription.Token(type));
        return new MethodDescription.Latent(owner,
                (read ? Enhanced.READ_PREFIX : Enhanced.WRITE_PREFIX) + field.getName(),
                Visibility.PUBLIC.getMask(), Collections.emptyList(),
                read ? type : TypeDescription.ForLoadedType.of(void.class).asGenericType(), parameters, Collections.emptyList(),
                Collections.emptyList(), null, TypeDescription.Generic.UNDEFINED);
    }

    private static final class Intercepted implements ElementMatcher<FieldDescription> {
        @Override
        public boolean matches(FieldDescription field) {
            return EntityTypes.isIntercepted(field);
        }
    }

    private static final class AccessorCall implements MemberSubstitution.Substitution.Factory<MemberSubstitution.Target.ForMember>,
            MemberSubstitution.Substitution<MemberSubstitution.Target.ForMember> {

        private final boolean read;

        AccessorCall(boolean read) {
            this.read = read;
        }

        @Override
        public MemberSubstitution.Substitution<? super MemberSubstitution.Target.ForMember> make(
                TypeDescription instrumentedType, MethodDescription instrumentedMethod, TypePool typePool) {
            return this;
        }

        @Override
        public StackManipulation resolve(MemberSubstitution.Target.ForMember target, TypeList.Generic parameters,
                                         TypeDescription.Generic result, JavaConstant.MethodHandle methodHandle,
                                         StackManipulation stackManipulation, int freeOffset) {
            FieldDescription field = (FieldDescription) target.getMember();
            return MethodInvocation.invoke(accessor(field, read).asDefined()).virtual(target.getReceiverType());
        }
    }
}

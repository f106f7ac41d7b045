package dev.weft.agent.internal;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites {@code GETFIELD}/{@code PUTFIELD} of intercepted fields ({@link EntityTypes#isIntercepted}) into
 * calls of the generated accessors: {@code book.author} becomes {@code book.$weft$read$author()} and
 * {@code book.author = a} becomes {@code book.$weft$write$author(a)}, in every method of the class (lambda
 * bodies and other synthetic methods included) except the generated accessors themselves, which do the real
 * field access.
 *
 * <p>In {@code toString()}, {@code equals(Object)} and {@code hashCode()} of an entity or mapped superclass, reads
 * never load a row (writes are still rewritten): printing an object, a debugger calling {@code toString}, or
 * putting a reference in a {@code HashSet} must not. A to-one relation is read through its peek accessor
 * ({@code $weft$peek$author()}), which gives a foreign key its object without loading it; other reads stay plain
 * field reads. They see what is loaded: a hollow reference shows its id and nulls.
 *
 * <p>The field is resolved through the transformation's type pool, so the owning class is described from its
 * class file and never loaded. The accessor is invoked on the class the instruction names, which may be a
 * subclass of the one that declares the field and the accessor. Each instruction is replaced by one with the same
 * stack effect ({@code objectref -> value}, {@code objectref, value -> }), so frames and stack sizes stay valid.
 *
 * <p>Why not Byte Buddy's {@code MemberSubstitution}: it finds a field by name and descriptor in the owner's
 * hierarchy through the generic shapes of the superclasses, so a field declared as {@code T label} in a
 * {@code Labelled<T>} mapped superclass and read through {@code Tag extends Labelled<String>} is not found (its
 * descriptor there is {@code String}, the instruction's is {@code Object}), and relaxed substitution then leaves
 * the access silently unintercepted. It also skips synthetic methods (lambda bodies) unless Byte Buddy is told to
 * ignore none. This rewriter resolves on erasures and sees every method.
 */
final class FieldAccessRewriter extends AsmVisitorWrapper.AbstractBase {

    static final FieldAccessRewriter INSTANCE = new FieldAccessRewriter();

    private FieldAccessRewriter() {
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                             Implementation.Context implementationContext, TypePool typePool,
                             FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                             int writerFlags, int readerFlags) {
        boolean managed = EntityTypes.isManaged(instrumentedType);
        return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (visitor == null || name.startsWith("$weft$")) {
                    return visitor;
                }
                return new Rewriting(visitor, typePool, !(managed && isObjectMethod(name, descriptor)));
            }
        };
    }

    private static boolean isObjectMethod(String name, String descriptor) {
        return name.equals("toString") && descriptor.equals("()Ljava/lang/String;")
                || name.equals("hashCode") && descriptor.equals("()I")
                || name.equals("equals") && descriptor.equals("(Ljava/lang/Object;)Z");
    }

    private static final class Rewriting extends MethodVisitor {

        private final TypePool typePool;
        private final boolean rewriteReads;

        Rewriting(MethodVisitor visitor, TypePool typePool, boolean rewriteReads) {
            super(OpenedClassReader.ASM_API, visitor);
            this.typePool = typePool;
            this.rewriteReads = rewriteReads;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            FieldDescription read = opcode == Opcodes.GETFIELD
                    ? EntityTypes.interceptedField(typePool, owner, name, descriptor) : null;
            if (read != null && rewriteReads) {
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, Contract.READ_PREFIX + name, "()" + descriptor, false);
            } else if (read != null && EntityTypes.isToOneRelation(read)) {
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, Contract.PEEK_PREFIX + name, "()" + descriptor, false);
            } else if (opcode == Opcodes.PUTFIELD && EntityTypes.isInterceptedAccess(typePool, owner, name, descriptor)) {
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, Contract.WRITE_PREFIX + name, "(" + descriptor + ")V",
                        false);
            } else {
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
        }
    }
}

package dev.weft.agent.internal;

import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.assign.TypeCasting;
import net.bytebuddy.implementation.bytecode.constant.ClassConstant;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.member.FieldAccess;
import net.bytebuddy.implementation.bytecode.member.MethodReturn;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The body of a generated accessor, {@code $weft$read$f()}, {@code $weft$write$f(value)} or {@code $weft$peek$f()}:
 * <pre>{@code
 * FieldInterceptor interceptor = this.$weft$interceptor();
 * if (interceptor != null) {
 *     interceptor.beforeRead(this, slot);          // or beforeWrite / beforeRelationRead / beforeRelationWrite
 *                                                  // or, in $weft$peek$f(), beforeKeyPeek
 * }
 * return this.f;                                   // or this.f = value;
 * }</pre>
 * Written as bytecode because the contract types are known by name only ({@link Contract}). The interceptor is
 * read through the interface method, not the field: in an entity that extends a {@code @MappedSuperclass} the
 * field is private to the superclass. A scalar write announces only the slot, so that it costs no boxing.
 *
 * <p>The read accessor of a collection relation ({@link EntityTypes#isCollectionRelation}: a relation declared
 * {@code List}, {@code Set}, {@code Collection} or {@code RelationSet}) also gives an object without an
 * interceptor, one that was never saved, a collection to add to:
 * <pre>{@code
 * FieldInterceptor interceptor = this.$weft$interceptor();
 * if (interceptor != null) {
 *     interceptor.beforeRelationRead(this, slot);  // the runtime decides what the field holds
 * } else if (this.f == null) {
 *     this.f = (List) UnsavedCollections.create(List.class);   // the field's declared type
 * }
 * return this.f;
 * }</pre>
 * so that {@code new Category().books.add(book)} works without an initialiser, which a {@code RelationSet} field
 * cannot have. A field that is {@code null} because the application set it so also reads as a fresh empty
 * collection, on the next read while no interceptor is attached: a collection relation of a new object is never
 * {@code null} when read. A field with an initialiser, and every field of an object the runtime manages, is left
 * as it is.
 */
final class AccessorCode implements Implementation {

    enum Kind {
        SCALAR_READ(Contract.BEFORE_READ, false),
        SCALAR_WRITE(Contract.BEFORE_WRITE, true),
        RELATION_READ(Contract.BEFORE_RELATION_READ, false),
        RELATION_WRITE(Contract.BEFORE_RELATION_WRITE, true),
        /** The read of a collection relation, which fills a {@code null} field of an object without interceptor. */
        COLLECTION_READ(Contract.BEFORE_RELATION_READ, false),
        /** The read of a to-one relation in {@code toString}, {@code equals} and {@code hashCode}: no row loads. */
        TO_ONE_PEEK(Contract.BEFORE_KEY_PEEK, false);

        private final String callback;
        private final boolean write;

        Kind(String callback, boolean write) {
            this.callback = callback;
            this.write = write;
        }

        static Kind of(boolean relation, boolean write) {
            if (relation) {
                return write ? RELATION_WRITE : RELATION_READ;
            }
            return write ? SCALAR_WRITE : SCALAR_READ;
        }
    }

    private final FieldDescription field;
    private final int slot;
    private final Kind kind;

    AccessorCode(FieldDescription field, int slot, Kind kind) {
        this.field = field;
        this.slot = slot;
        this.kind = kind;
    }

    @Override
    public InstrumentedType prepare(InstrumentedType instrumentedType) {
        return instrumentedType;
    }

    @Override
    public ByteCodeAppender appender(Target target) {
        return this::apply;
    }

    private ByteCodeAppender.Size apply(MethodVisitor code, Context context, MethodDescription method) {
        String interceptor = Contract.FIELD_INTERCEPTOR.replace('.', '/');
        int local = method.getStackSize(); // the first free local variable, after this and the value
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKEINTERFACE, Contract.ENHANCED.replace('.', '/'), Contract.INTERCEPTOR_FIELD,
                "()L" + interceptor + ";", true);
        code.visitVarInsn(Opcodes.ASTORE, local);
        code.visitVarInsn(Opcodes.ALOAD, local);
        Label afterCall = new Label();
        code.visitJumpInsn(Opcodes.IFNULL, afterCall);
        code.visitVarInsn(Opcodes.ALOAD, local);
        code.visitVarInsn(Opcodes.ALOAD, 0);
        IntegerConstant.forValue(slot).apply(code, context);
        String descriptor = Contract.SLOT_DESCRIPTOR;
        if (kind == Kind.RELATION_WRITE) {
            code.visitVarInsn(Opcodes.ALOAD, 1);
            descriptor = Contract.RELATION_WRITE_DESCRIPTOR;
        }
        code.visitMethodInsn(Opcodes.INVOKEINTERFACE, interceptor, kind.callback, descriptor, true);
        if (kind == Kind.COLLECTION_READ) {
            Label read = new Label();
            code.visitJumpInsn(Opcodes.GOTO, read);
            code.visitLabel(afterCall);
            code.visitFrame(Opcodes.F_APPEND, 1, new Object[] {interceptor}, 0, null);
            fillUnsavedCollection(code, context, read);
            code.visitLabel(read);
            code.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        } else {
            code.visitLabel(afterCall);
            code.visitFrame(Opcodes.F_APPEND, 1, new Object[] {interceptor}, 0, null);
        }
        StackManipulation access = kind.write
                ? new StackManipulation.Compound(MethodVariableAccess.loadThis(),
                        MethodVariableAccess.of(field.getType()).loadFrom(1), FieldAccess.forField(field).write(),
                        MethodReturn.VOID)
                : new StackManipulation.Compound(MethodVariableAccess.loadThis(), FieldAccess.forField(field).read(),
                        MethodReturn.of(field.getType()));
        StackManipulation.Size size = access.apply(code, context);
        int callStack = kind == Kind.RELATION_WRITE ? 4 : 3; // the fill needs 2: this and the class or collection
        return new ByteCodeAppender.Size(Math.max(callStack, size.getMaximalSize()), local + 1);
    }

    /**
     * {@code if (this.f == null) this.f = (T) UnsavedCollections.create(T.class);}, jumping to {@code done} when
     * the field holds a value. Leaves the stack empty.
     */
    private void fillUnsavedCollection(MethodVisitor code, Context context, Label done) {
        TypeDescription type = field.getType().asErasure();
        new StackManipulation.Compound(MethodVariableAccess.loadThis(), FieldAccess.forField(field).read())
                .apply(code, context);
        code.visitJumpInsn(Opcodes.IFNONNULL, done);
        new StackManipulation.Compound(MethodVariableAccess.loadThis(), ClassConstant.of(type)).apply(code, context);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, Contract.UNSAVED_COLLECTIONS.replace('.', '/'),
                Contract.CREATE_UNSAVED, Contract.CREATE_UNSAVED_DESCRIPTOR, false);
        new StackManipulation.Compound(TypeCasting.to(type), FieldAccess.forField(field).write()).apply(code, context);
    }
}

package dev.weft.agent.internal;

import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.List;

/**
 * The bodies of {@code $weft$get(int slot)} and {@code $weft$set(int slot, Object value)}, through which the runtime
 * reads and writes persistent fields when it loads, saves and undoes: a {@code tableswitch} on the slot over the
 * fields the class declares, each case a plain field access, boxing and unboxing primitives.
 * <pre>{@code
 * public Object $weft$get(int slot) {
 *     switch (slot) {
 *         case 3: return Integer.valueOf(this.pages);
 *         case 4: return this.title;
 *         default: return super.$weft$get(slot);   // a mapped superclass's; in the topmost: IllegalArgumentException
 *     }
 * }
 * public void $weft$set(int slot, Object value) {
 *     switch (slot) {
 *         case 3: this.pages = value == null ? 0 : ((Integer) value).intValue(); return;
 *         case 4: this.title = (String) value; return;
 *         default: super.$weft$set(slot, value);
 *     }
 * }
 * }</pre>
 * Neither calls the interceptor: these are the runtime's own accesses, which must not load a hollow reference
 * or mark a field dirty. Generated code instead of var handles because a call site of a var handle that is not a
 * constant (one per field, picked at run time) is not inlined; an interface call and a switch are.
 */
final class SlotAccessCode implements Implementation {

    enum Kind { GET, SET }

    private final Kind kind;
    private final List<FieldDescription.InDefinedShape> fields;
    private final int firstSlot;
    /** The direct superclass when a mapped superclass above declares slots of its own, else {@code null}. */
    private final TypeDescription delegate;

    SlotAccessCode(Kind kind, List<FieldDescription.InDefinedShape> fields, int firstSlot, TypeDescription delegate) {
        this.kind = kind;
        this.fields = List.copyOf(fields);
        this.firstSlot = firstSlot;
        this.delegate = delegate;
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
        Label otherSlot = new Label();
        if (!fields.isEmpty()) {
            Label[] cases = new Label[fields.size()];
            for (int i = 0; i < cases.length; i++) {
                cases[i] = new Label();
            }
            code.visitVarInsn(Opcodes.ILOAD, 1);
            code.visitTableSwitchInsn(firstSlot, firstSlot + fields.size() - 1, otherSlot, cases);
            for (int i = 0; i < cases.length; i++) {
                code.visitLabel(cases[i]);
                code.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                if (kind == Kind.GET) {
                    get(code, fields.get(i));
                } else {
                    set(code, fields.get(i));
                }
            }
            code.visitLabel(otherSlot);
            code.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
        if (delegate != null) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ILOAD, 1);
            if (kind == Kind.SET) {
                code.visitVarInsn(Opcodes.ALOAD, 2);
            }
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, delegate.getInternalName(), method.getInternalName(),
                    method.getDescriptor(), false);
            code.visitInsn(kind == Kind.GET ? Opcodes.ARETURN : Opcodes.RETURN);
        } else {
            String exception = "java/lang/IllegalArgumentException";
            code.visitTypeInsn(Opcodes.NEW, exception);
            code.visitInsn(Opcodes.DUP);
            // "no persistent field has slot " + slot + " in " + getClass().getName()
            String concat = "(Ljava/lang/String;)Ljava/lang/String;";
            code.visitLdcInsn("no persistent field has slot ");
            code.visitVarInsn(Opcodes.ILOAD, 1);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;", false);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat", concat, false);
            code.visitLdcInsn(" in ");
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat", concat, false);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getName", "()Ljava/lang/String;", false);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat", concat, false);
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, exception, "<init>", "(Ljava/lang/String;)V", false);
            code.visitInsn(Opcodes.ATHROW);
        }
        return new ByteCodeAppender.Size(4, method.getStackSize());
    }

    /** {@code return this.f;}, boxed. */
    private static void get(MethodVisitor code, FieldDescription field) {
        TypeDescription type = field.getType().asErasure();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitFieldInsn(Opcodes.GETFIELD, field.getDeclaringType().asErasure().getInternalName(), field.getName(),
                field.getDescriptor());
        if (type.isPrimitive()) {
            Primitive p = Primitive.of(type);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, p.box, "valueOf", "(" + p.descriptor + ")L" + p.box + ";", false);
        }
        code.visitInsn(Opcodes.ARETURN);
    }

    /** {@code this.f = (T) value;}, unboxed; {@code null} sets a primitive to its zero value. */
    private static void set(MethodVisitor code, FieldDescription field) {
        TypeDescription type = field.getType().asErasure();
        String owner = field.getDeclaringType().asErasure().getInternalName();
        if (type.isPrimitive()) {
            Primitive p = Primitive.of(type);
            Label unbox = new Label();
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitJumpInsn(Opcodes.IFNONNULL, unbox);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitInsn(p.zero);
            code.visitFieldInsn(Opcodes.PUTFIELD, owner, field.getName(), field.getDescriptor());
            code.visitInsn(Opcodes.RETURN);
            code.visitLabel(unbox);
            code.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitTypeInsn(Opcodes.CHECKCAST, p.box);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, p.box, type.getName() + "Value", "()" + p.descriptor, false);
        } else {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, 2);
            code.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
        }
        code.visitFieldInsn(Opcodes.PUTFIELD, owner, field.getName(), field.getDescriptor());
        code.visitInsn(Opcodes.RETURN);
    }

    /** A primitive type's box class, descriptor and the instruction that pushes its zero. */
    private record Primitive(String box, String descriptor, int zero) {
        static Primitive of(TypeDescription type) {
            String descriptor = type.getDescriptor();
            return switch (descriptor) {
                case "Z" -> new Primitive("java/lang/Boolean", descriptor, Opcodes.ICONST_0);
                case "B" -> new Primitive("java/lang/Byte", descriptor, Opcodes.ICONST_0);
                case "C" -> new Primitive("java/lang/Character", descriptor, Opcodes.ICONST_0);
                case "S" -> new Primitive("java/lang/Short", descriptor, Opcodes.ICONST_0);
                case "I" -> new Primitive("java/lang/Integer", descriptor, Opcodes.ICONST_0);
                case "J" -> new Primitive("java/lang/Long", descriptor, Opcodes.LCONST_0);
                case "F" -> new Primitive("java/lang/Float", descriptor, Opcodes.FCONST_0);
                case "D" -> new Primitive("java/lang/Double", descriptor, Opcodes.DCONST_0);
                default -> throw new IllegalArgumentException(Type.getType(descriptor) + " is not a primitive type");
            };
        }
    }
}

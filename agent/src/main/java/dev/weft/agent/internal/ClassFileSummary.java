package dev.weft.agent.internal;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

import java.util.ArrayList;
import java.util.List;

/**
 * What a class file says that a {@code TypeDescription} does not: the value of {@code $weft$version}, and the
 * instance fields its methods read or write directly. Read with ASM in one pass that skips debug information.
 */
final class ClassFileSummary {

    /** A {@code GETFIELD}/{@code PUTFIELD} target: owner (internal name), field name and descriptor. */
    record FieldRef(String owner, String name, String descriptor) {
    }

    private Integer version;
    private final List<FieldRef> instanceFieldAccesses = new ArrayList<>();

    private ClassFileSummary() {
    }

    static ClassFileSummary of(byte[] classFile) {
        ClassFileSummary summary = new ClassFileSummary();
        ClassReader reader = OpenedClassReader.of(classFile);
        reader.accept(summary.new Collector(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return summary;
    }

    /** The constant value of {@code $weft$version}, or {@code null} when the class declares none. */
    Integer version() {
        return version;
    }

    /** The instance fields accessed outside the generated {@code $weft$} methods, with repetitions. */
    List<FieldRef> instanceFieldAccesses() {
        return instanceFieldAccesses;
    }

    private final class Collector extends ClassVisitor {
        Collector() {
            super(OpenedClassReader.ASM_API);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if (name.equals(Contract.VERSION_FIELD) && value instanceof Integer constant) {
                version = constant;
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            if (name.startsWith("$weft$")) {
                return null;
            }
            return new MethodVisitor(OpenedClassReader.ASM_API) {
                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    if (opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD) {
                        instanceFieldAccesses.add(new FieldRef(owner, field, fieldDescriptor));
                    }
                }
            };
        }
    }
}

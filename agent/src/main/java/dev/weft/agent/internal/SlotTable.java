package dev.weft.agent.internal;

import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.collection.ArrayFactory;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.implementation.bytecode.member.FieldAccess;
import net.bytebuddy.jar.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * The start of the type initializer that fills {@code $weft$fields} with the slot names:
 * {@code $weft$fields = new String[] {"id", "title", ...}}. The only raw bytecode the enhancer writes.
 */
final class SlotTable implements ByteCodeAppender {

    private final List<String> names;

    SlotTable(List<String> names) {
        this.names = List.copyOf(names);
    }

    @Override
    public Size apply(MethodVisitor methodVisitor, Implementation.Context context, MethodDescription method) {
        List<StackManipulation> values = new ArrayList<>(names.size());
        names.forEach(name -> values.add(new TextConstant(name)));
        FieldDescription field = context.getInstrumentedType().getDeclaredFields()
                .filter(named(Contract.FIELDS_FIELD)).getOnly();
        StackManipulation.Size size = new StackManipulation.Compound(
                ArrayFactory.forType(TypeDescription.ForLoadedType.of(String.class).asGenericType()).withValues(values),
                FieldAccess.forField(field).write()).apply(methodVisitor, context);
        return new Size(size.getMaximalSize(), method.getStackSize());
    }
}

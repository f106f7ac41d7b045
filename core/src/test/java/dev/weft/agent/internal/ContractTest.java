package dev.weft.agent.internal;

import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import dev.weft.internal.enhance.UnsavedCollections;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enhancer knows weft-core's contract by name ({@link Contract}); these are the names core defines. */
class ContractTest {

    @Test
    void typesAndMemberNamesAreCoresOwn() {
        assertEquals(Enhanced.class.getName(), Contract.ENHANCED);
        assertEquals(FieldInterceptor.class.getName(), Contract.FIELD_INTERCEPTOR);
        assertEquals(Enhanced.CONTRACT_VERSION, Contract.VERSION);
        assertEquals(Enhanced.INTERCEPTOR_FIELD, Contract.INTERCEPTOR_FIELD);
        assertEquals(Enhanced.FIELDS_FIELD, Contract.FIELDS_FIELD);
        assertEquals(Enhanced.VERSION_FIELD, Contract.VERSION_FIELD);
        assertEquals(Enhanced.READ_PREFIX, Contract.READ_PREFIX);
        assertEquals(Enhanced.WRITE_PREFIX, Contract.WRITE_PREFIX);
        assertEquals(Enhanced.PEEK_PREFIX, Contract.PEEK_PREFIX);
        assertEquals(Enhanced.GET_BY_SLOT, Contract.GET_BY_SLOT);
        assertEquals(Enhanced.SET_BY_SLOT, Contract.SET_BY_SLOT);
        assertEquals(UnsavedCollections.class.getName(), Contract.UNSAVED_COLLECTIONS);
    }

    @Test
    void theUnsavedCollectionFactoryIsPublicStaticWithTheDescriptorTheReadAccessorsCall() throws NoSuchMethodException {
        assertTrue(Modifier.isPublic(UnsavedCollections.class.getModifiers()));
        var method = UnsavedCollections.class.getMethod(Contract.CREATE_UNSAVED, Class.class);
        assertTrue(Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers()));
        assertEquals(Contract.CREATE_UNSAVED_DESCRIPTOR,
                MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString());
    }

    @Test
    void interceptorMethodsHaveTheDescriptorsTheAccessorsCall() throws NoSuchMethodException {
        assertDescriptor(Contract.SLOT_DESCRIPTOR, Contract.BEFORE_READ, Object.class, int.class);
        assertDescriptor(Contract.SLOT_DESCRIPTOR, Contract.BEFORE_WRITE, Object.class, int.class);
        assertDescriptor(Contract.SLOT_DESCRIPTOR, Contract.BEFORE_RELATION_READ, Object.class, int.class);
        assertDescriptor(Contract.SLOT_DESCRIPTOR, Contract.BEFORE_KEY_PEEK, Object.class, int.class);
        assertDescriptor(Contract.RELATION_WRITE_DESCRIPTOR, Contract.BEFORE_RELATION_WRITE, Object.class, int.class,
                Object.class);
        assertNotNull(Enhanced.class.getMethod(Contract.INTERCEPTOR_FIELD));
        assertNotNull(Enhanced.class.getMethod(Contract.INTERCEPTOR_FIELD, FieldInterceptor.class));
        assertEquals(Object.class, Enhanced.class.getMethod(Contract.GET_BY_SLOT, int.class).getReturnType());
        assertEquals(void.class, Enhanced.class.getMethod(Contract.SET_BY_SLOT, int.class, Object.class).getReturnType());
    }

    private static void assertDescriptor(String descriptor, String name, Class<?>... parameters)
            throws NoSuchMethodException {
        var method = FieldInterceptor.class.getMethod(name, parameters);
        assertEquals(descriptor, MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                .toMethodDescriptorString());
    }
}

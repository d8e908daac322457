package io.podium.exchange.openrtb;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Direct calls to the generated protobuf accessors ({@code setTmax(int)},
 * {@code getImpBuilder()} ...), bound once per field through {@link LambdaMetafactory}. The
 * generic reflection API of protobuf ({@code setField}, {@code hasField}) goes through
 * {@code java.lang.reflect.Method} with an access check per call and is an order of magnitude
 * slower; these bindings cost what a virtual call costs.
 */
final class Accessors {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private Accessors() {
    }

    interface IntSetter { void set(Object target, int value); }

    interface LongSetter { void set(Object target, long value); }

    interface DoubleSetter { void set(Object target, double value); }

    interface BoolSetter { void set(Object target, boolean value); }

    interface ObjSetter { void set(Object target, Object value); }

    interface Getter { Object get(Object target); }

    interface Has { boolean has(Object target); }

    interface Count { int count(Object target); }

    interface IntGet { int get(Object target); }

    interface IntAt { int get(Object target, int index); }

    interface LongGet { long get(Object target); }

    interface LongAt { long get(Object target, int index); }

    interface DoubleGet { double get(Object target); }

    interface DoubleAt { double get(Object target, int index); }

    interface BoolGet { boolean get(Object target); }

    interface BoolAt { boolean get(Object target, int index); }

    interface ObjAt { Object get(Object target, int index); }

    interface Clear { void clear(Object target); }

    /**
     * Binds {@code owner.name(params)} to the single method of {@code iface}.
     *
     * @param erased the interface method's own type
     */
    @SuppressWarnings("unchecked")
    static <T> T bind(Class<T> iface, String ifaceMethod, MethodType erased, Class<?> owner, String name,
                      Class<?>... params) {
        try {
            java.lang.reflect.Method m = owner.getMethod(name, params);
            MethodHandle target = LOOKUP.unreflect(m);
            MethodType instantiated = MethodType.methodType(erased.returnType() == void.class ? void.class
                    : box(erased.returnType(), m.getReturnType()), owner, params);
            CallSite site = LambdaMetafactory.metafactory(LOOKUP, ifaceMethod, MethodType.methodType(iface),
                    erased, target, instantiated);
            return (T) site.getTarget().invoke();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("generated class " + owner.getName() + " has no method " + name, e);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot bind " + owner.getName() + "." + name, e);
        }
    }

    private static Class<?> box(Class<?> erasedReturn, Class<?> actual) {
        return erasedReturn == Object.class ? actual : erasedReturn;
    }

    /** The Java name part protobuf derives from a field name: {@code gpp_sid} -> {@code GppSid}. */
    static String camel(String field) {
        StringBuilder sb = new StringBuilder(field.length());
        boolean upper = true;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '_') {
                upper = true;
                continue;
            }
            if (Character.isDigit(c)) {
                sb.append(c);
                upper = true;
                continue;
            }
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return sb.toString();
    }

    static MethodType type(Class<?> ret, Class<?>... params) {
        return MethodType.methodType(ret, params);
    }
}

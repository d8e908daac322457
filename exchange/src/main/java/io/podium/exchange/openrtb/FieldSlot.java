package io.podium.exchange.openrtb;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.podium.exchange.openrtb.Accessors.BoolAt;
import io.podium.exchange.openrtb.Accessors.BoolGet;
import io.podium.exchange.openrtb.Accessors.BoolSetter;
import io.podium.exchange.openrtb.Accessors.Clear;
import io.podium.exchange.openrtb.Accessors.Count;
import io.podium.exchange.openrtb.Accessors.DoubleAt;
import io.podium.exchange.openrtb.Accessors.DoubleGet;
import io.podium.exchange.openrtb.Accessors.DoubleSetter;
import io.podium.exchange.openrtb.Accessors.Getter;
import io.podium.exchange.openrtb.Accessors.Has;
import io.podium.exchange.openrtb.Accessors.IntAt;
import io.podium.exchange.openrtb.Accessors.IntGet;
import io.podium.exchange.openrtb.Accessors.IntSetter;
import io.podium.exchange.openrtb.Accessors.LongAt;
import io.podium.exchange.openrtb.Accessors.LongGet;
import io.podium.exchange.openrtb.Accessors.LongSetter;
import io.podium.exchange.openrtb.Accessors.ObjAt;
import io.podium.exchange.openrtb.Accessors.ObjSetter;

/**
 * How one protobuf field travels as JSON, with its generated accessors bound once
 * ({@link Accessors}). Built by {@link MessageSchema}; immutable and shared by all threads.
 * Singular fields use the {@code has}/{@code get}/{@code set} bindings, repeated ones
 * {@code count}/{@code at}/{@code add}; a message field's {@code child} returns the nested
 * builder to fill in place ({@code getXBuilder()} or {@code addXBuilder()}).
 */
final class FieldSlot {

    enum Kind {
        INT32("an integer"),
        INT64("an integer"),
        DOUBLE("a number"),
        BOOL("true or false"),
        STRING("a string"),
        ENUM("an integer"),
        MESSAGE("an object"),
        /** A free-form JSON object kept verbatim as compact JSON text in a string field. */
        RAW_JSON_OBJECT("an object");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    final FieldDescriptor field;
    final Kind kind;
    final String name;
    /** The name pre-encoded for Jackson: written without escaping it again on every call. */
    final com.fasterxml.jackson.core.io.SerializedString jsonName;
    final boolean repeated;
    /** The schema marks the field {@code (required)} (OpenRTB: "required" in the spec). */
    final boolean required;
    MessageSchema nested;

    // decoding (on the builder)
    IntSetter intSet;
    LongSetter longSet;
    DoubleSetter doubleSet;
    BoolSetter boolSet;
    ObjSetter objSet;
    Getter child;
    Clear clear;

    // encoding (on the message)
    Has has;
    Count count;
    IntGet intGet;
    IntAt intAt;
    LongGet longGet;
    LongAt longAt;
    DoubleGet doubleGet;
    DoubleAt doubleAt;
    BoolGet boolGet;
    BoolAt boolAt;
    Getter objGet;
    ObjAt objAt;

    FieldSlot(FieldDescriptor field, Kind kind) {
        this.field = field;
        this.kind = kind;
        this.name = field.getName();
        this.jsonName = new com.fasterxml.jackson.core.io.SerializedString(name);
        this.repeated = field.isRepeated();
        this.required = field.getOptions().hasExtension(io.podium.openrtb.OpenRtb26.required)
                && field.getOptions().getExtension(io.podium.openrtb.OpenRtb26.required);
    }

    /** Binds the generated accessors of this field on its message and builder classes. */
    void bind(Class<?> message, Class<?> builder) {
        String c = Accessors.camel(name);
        String v = kind == Kind.ENUM ? "Value" : "";
        if (repeated) {
            count = Accessors.bind(Count.class, "count", Accessors.type(int.class, Object.class), message, "get" + c + "Count");
            clear = Accessors.bind(Clear.class, "clear", Accessors.type(void.class, Object.class), builder, "clear" + c);
        } else {
            has = Accessors.bind(Has.class, "has", Accessors.type(boolean.class, Object.class), message, "has" + c);
        }
        String get = "get" + c + v;
        String put = (repeated ? "add" : "set") + c + v;
        Class<?>[] at = repeated ? new Class<?>[] {int.class} : new Class<?>[0];
        switch (kind) {
            case INT32:
            case ENUM:
                intSet = Accessors.bind(IntSetter.class, "set", Accessors.type(void.class, Object.class, int.class), builder, put, int.class);
                if (repeated) {
                    intAt = Accessors.bind(IntAt.class, "get", Accessors.type(int.class, Object.class, int.class), message, get, at);
                } else {
                    intGet = Accessors.bind(IntGet.class, "get", Accessors.type(int.class, Object.class), message, get);
                }
                break;
            case INT64:
                longSet = Accessors.bind(LongSetter.class, "set", Accessors.type(void.class, Object.class, long.class), builder, put, long.class);
                if (repeated) {
                    longAt = Accessors.bind(LongAt.class, "get", Accessors.type(long.class, Object.class, int.class), message, get, at);
                } else {
                    longGet = Accessors.bind(LongGet.class, "get", Accessors.type(long.class, Object.class), message, get);
                }
                break;
            case DOUBLE:
                doubleSet = Accessors.bind(DoubleSetter.class, "set", Accessors.type(void.class, Object.class, double.class), builder, put, double.class);
                if (repeated) {
                    doubleAt = Accessors.bind(DoubleAt.class, "get", Accessors.type(double.class, Object.class, int.class), message, get, at);
                } else {
                    doubleGet = Accessors.bind(DoubleGet.class, "get", Accessors.type(double.class, Object.class), message, get);
                }
                break;
            case BOOL:
                boolSet = Accessors.bind(BoolSetter.class, "set", Accessors.type(void.class, Object.class, boolean.class), builder, put, boolean.class);
                if (repeated) {
                    boolAt = Accessors.bind(BoolAt.class, "get", Accessors.type(boolean.class, Object.class, int.class), message, get, at);
                } else {
                    boolGet = Accessors.bind(BoolGet.class, "get", Accessors.type(boolean.class, Object.class), message, get);
                }
                break;
            case STRING:
            case RAW_JSON_OBJECT:
                objSet = Accessors.bind(ObjSetter.class, "set", Accessors.type(void.class, Object.class, Object.class), builder, put, String.class);
                if (repeated) {
                    objAt = Accessors.bind(ObjAt.class, "get", Accessors.type(Object.class, Object.class, int.class), message, get, at);
                } else {
                    objGet = Accessors.bind(Getter.class, "get", Accessors.type(Object.class, Object.class), message, get);
                }
                break;
            case MESSAGE:
                child = Accessors.bind(Getter.class, "get", Accessors.type(Object.class, Object.class), builder,
                        (repeated ? "add" : "get") + c + "Builder");
                if (repeated) {
                    objAt = Accessors.bind(ObjAt.class, "get", Accessors.type(Object.class, Object.class, int.class), message, get, at);
                } else {
                    objGet = Accessors.bind(Getter.class, "get", Accessors.type(Object.class, Object.class), message, get);
                }
                break;
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    /** The generated class of this message field's element (singular or repeated). */
    Class<?> messageClass(Class<?> owner) {
        String c = Accessors.camel(name);
        try {
            return repeated ? owner.getMethod("get" + c, int.class).getReturnType() : owner.getMethod("get" + c).getReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("generated class " + owner.getName() + " has no getter for " + name, e);
        }
    }
}

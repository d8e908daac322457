package io.podium.exchange.openrtb;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON shape of one protobuf message type: its fields by JSON name and in declaration
 * order. Built once per descriptor (recursive types are supported) and then read-only, so
 * it is shared by all threads.
 *
 * <p>A string field named {@code ext} holds the text of a JSON object (OpenRTB's extension
 * point) and travels on the wire as that object, not as a string.
 */
final class MessageSchema {
    static final String EXT_FIELD = "ext";

    private final Descriptor descriptor;
    private final Map<String, FieldSlot> byName = new HashMap<>();
    private FieldSlot[] ordered;

    private MessageSchema(Descriptor descriptor) {
        this.descriptor = descriptor;
    }

    static MessageSchema of(Descriptor descriptor) {
        return build(descriptor, new ConcurrentHashMap<>());
    }

    private static MessageSchema build(Descriptor descriptor, Map<Descriptor, MessageSchema> done) {
        MessageSchema existing = done.get(descriptor);
        if (existing != null) {
            return existing;
        }
        MessageSchema schema = new MessageSchema(descriptor);
        done.put(descriptor, schema);
        List<FieldDescriptor> fields = descriptor.getFields();
        FieldSlot[] slots = new FieldSlot[fields.size()];
        for (int i = 0; i < slots.length; i++) {
            FieldDescriptor fd = fields.get(i);
            FieldSlot.Kind kind = kindOf(fd);
            MessageSchema nested = kind == FieldSlot.Kind.MESSAGE ? build(fd.getMessageType(), done) : null;
            slots[i] = new FieldSlot(fd, kind, nested);
            schema.byName.put(fd.getName(), slots[i]);
        }
        schema.ordered = slots;
        return schema;
    }

    private static FieldSlot.Kind kindOf(FieldDescriptor fd) {
        switch (fd.getJavaType()) {
            case INT:
                return FieldSlot.Kind.INT32;
            case LONG:
                return FieldSlot.Kind.INT64;
            case FLOAT:
            case DOUBLE:
                return FieldSlot.Kind.DOUBLE;
            case BOOLEAN:
                return FieldSlot.Kind.BOOL;
            case STRING:
                return EXT_FIELD.equals(fd.getName()) && !fd.isRepeated()
                        ? FieldSlot.Kind.RAW_JSON_OBJECT : FieldSlot.Kind.STRING;
            case ENUM:
                return FieldSlot.Kind.ENUM;
            case MESSAGE:
                return FieldSlot.Kind.MESSAGE;
            default:
                throw new IllegalArgumentException("unsupported field type " + fd.getJavaType()
                        + " for " + fd.getFullName());
        }
    }

    Descriptor descriptor() {
        return descriptor;
    }

    FieldSlot slot(String jsonName) {
        return byName.get(jsonName);
    }

    FieldSlot[] ordered() {
        return ordered;
    }
}

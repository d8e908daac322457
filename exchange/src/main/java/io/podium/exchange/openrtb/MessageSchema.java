package io.podium.exchange.openrtb;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of one generated protobuf message class: its fields by JSON name and in
 * declaration order, with their accessors bound. Built once per class (recursive types are
 * supported) and then read-only, so it is shared by all threads.
 *
 * <p>A string field named {@code ext} holds the text of a JSON object (OpenRTB's extension
 * point) and travels on the wire as that object, not as a string.
 */
final class MessageSchema {
    static final String EXT_FIELD = "ext";

    private final Class<?> builderClass;
    private final Map<String, FieldSlot> byName = new HashMap<>();
    private FieldSlot[] ordered;

    private MessageSchema(Class<?> messageClass) {
        try {
            this.builderClass = messageClass.getMethod("newBuilder").getReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(messageClass + " is not a generated message class", e);
        }
    }

    private static final java.util.concurrent.ConcurrentMap<Class<?>, MessageSchema> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The schema of a generated message class, built on first use and shared process-wide. */
    static MessageSchema forMessage(Message prototype) {
        MessageSchema schema = CACHE.get(prototype.getClass());
        if (schema == null) {
            synchronized (CACHE) {
                schema = CACHE.computeIfAbsent(prototype.getClass(),
                        c -> build(prototype.getDescriptorForType(), c, new HashMap<>()));
            }
        }
        return schema;
    }

    /** Whether this message or one nested in it has a field the spec marks required. */
    private Boolean requiresWalk;

    boolean hasRequiredFieldsBelow() {
        if (requiresWalk == null) {
            requiresWalk = Boolean.FALSE; // breaks cycles while computing
            boolean any = false;
            for (FieldSlot slot : ordered) {
                if (slot.required || slot.kind == FieldSlot.Kind.MESSAGE && slot.nested.hasRequiredFieldsBelow()) {
                    any = true;
                }
            }
            requiresWalk = any;
        }
        return requiresWalk;
    }

    private static MessageSchema build(Descriptor descriptor, Class<?> messageClass, Map<Descriptor, MessageSchema> done) {
        MessageSchema existing = done.get(descriptor);
        if (existing != null) {
            return existing;
        }
        MessageSchema schema = new MessageSchema(messageClass);
        done.put(descriptor, schema);
        List<FieldDescriptor> fields = descriptor.getFields();
        FieldSlot[] slots = new FieldSlot[fields.size()];
        for (int i = 0; i < slots.length; i++) {
            FieldDescriptor fd = fields.get(i);
            FieldSlot slot = new FieldSlot(fd, kindOf(fd));
            slot.bind(messageClass, schema.builderClass);
            if (slot.kind == FieldSlot.Kind.MESSAGE) {
                slot.nested = build(fd.getMessageType(), slot.messageClass(messageClass), done);
            }
            slots[i] = slot;
            schema.byName.put(fd.getName(), slot);
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

    FieldSlot slot(String jsonName) {
        return byName.get(jsonName);
    }

    FieldSlot[] ordered() {
        return ordered;
    }
}

package io.podium.exchange.openrtb;

import com.google.protobuf.Descriptors.FieldDescriptor;

/**
 * How one protobuf field travels as JSON. Built once per field by {@link MessageSchema}.
 *
 * @param field the protobuf field (its name is the JSON name)
 * @param kind how the value is read and written
 * @param nested the schema of the element message, for {@link Kind#MESSAGE} fields
 */
record FieldSlot(FieldDescriptor field, Kind kind, MessageSchema nested) {

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

    boolean repeated() {
        return field.isRepeated();
    }

    String name() {
        return field.getName();
    }
}

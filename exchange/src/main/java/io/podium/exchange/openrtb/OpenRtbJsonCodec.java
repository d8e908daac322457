package io.podium.exchange.openrtb;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.BidResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * OpenRTB 2.6 JSON, streamed by Jackson straight into the generated protobuf builders and
 * back out of the messages: no intermediate tree, no second model.
 *
 * <p>Wire rules: field names as in the specification (they are the proto field names);
 * integers, 0/1 flags and enumerations as JSON integers; unknown fields are skipped; an
 * {@code ext} object is kept verbatim and written back as the same object; {@code null}
 * reads as absent. A value of the wrong type, malformed or truncated JSON, and nesting
 * deeper than the configured limit fail with an {@link OpenRtbDecodeException} naming the
 * JSON path.
 *
 * <p>Thread-safe: one instance is shared by the whole process.
 */
public final class OpenRtbJsonCodec {
    /** Nesting limit used when none is configured; OpenRTB itself needs fewer than 10 levels. */
    public static final int DEFAULT_MAX_DEPTH = 32;

    private final JsonFactory factory;
    private final int maxDepth;

    public OpenRtbJsonCodec() {
        this(DEFAULT_MAX_DEPTH);
    }

    /** @param maxDepth deepest nesting of objects and arrays accepted, counting the root */
    public OpenRtbJsonCodec(int maxDepth) {
        if (maxDepth < 4 || maxDepth > 1000) {
            throw new IllegalArgumentException("maxDepth must be within 4..1000, got " + maxDepth);
        }
        this.maxDepth = maxDepth;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxNumberLength(64)
                        .build())
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
    }

    public BidRequest decodeRequest(byte[] json) throws OpenRtbDecodeException {
        return (BidRequest) decode(json, 0, json.length, BidRequest.getDefaultInstance());
    }

    public BidResponse decodeResponse(byte[] json) throws OpenRtbDecodeException {
        return (BidResponse) decode(json, 0, json.length, BidResponse.getDefaultInstance());
    }

    /** Decodes one JSON object into a message of the prototype's type. */
    public Message decode(byte[] json, int offset, int length, Message prototype) throws OpenRtbDecodeException {
        JsonPath path = new JsonPath();
        try (JsonParser parser = factory.createParser(json, offset, length)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new OpenRtbDecodeException("$", "empty document");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new OpenRtbDecodeException("$", "expected an object, got " + describe(first));
            }
            Message.Builder builder = prototype.newBuilderForType();
            readObject(parser, schema(prototype), builder, path);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new OpenRtbDecodeException("$", "unexpected content after the document at line "
                        + parser.currentLocation().getLineNr() + ", column "
                        + parser.currentLocation().getColumnNr());
            }
            return builder.build();
        } catch (StreamConstraintsException e) {
            throw new OpenRtbDecodeException(path.toString(), "nesting deeper than " + maxDepth
                    + " levels or a value longer than allowed");
        } catch (InputCoercionException e) {
            throw new OpenRtbDecodeException(path.toString(), "number out of range");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new OpenRtbDecodeException(path.toString(), "malformed JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new OpenRtbDecodeException(path.toString(), "unreadable JSON: " + e.getMessage());
        }
    }

    private void readObject(JsonParser p, MessageSchema schema, Object builder, JsonPath path)
            throws IOException, OpenRtbDecodeException {
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            FieldSlot slot = schema.slot(name);
            if (slot == null || value == JsonToken.VALUE_NULL) {
                p.skipChildren();
                continue;
            }
            path.pushName(name);
            if (slot.repeated) {
                readArray(p, value, slot, builder, path);
            } else {
                readValue(p, value, slot, builder, path);
            }
            path.pop();
        }
        if (token != JsonToken.END_OBJECT) {
            throw new OpenRtbDecodeException(path.toString(), "malformed object");
        }
    }

    private void readArray(JsonParser p, JsonToken value, FieldSlot slot, Object builder, JsonPath path)
            throws IOException, OpenRtbDecodeException {
        if (value != JsonToken.START_ARRAY) {
            throw wrongType(path, "an array of " + plural(slot.kind), value);
        }
        slot.clear.clear(builder);
        path.pushIndex(0);
        int index = 0;
        JsonToken element;
        while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            if (element == null) {
                throw new OpenRtbDecodeException(path.toString(), "unexpected end of input");
            }
            path.setIndex(index++);
            if (element == JsonToken.VALUE_NULL) {
                throw new OpenRtbDecodeException(path.toString(), "null is not allowed in an array");
            }
            readValue(p, element, slot, builder, path);
        }
        path.pop();
    }

    /** Reads one value and sets it (singular) or adds it (repeated) on the builder. */
    private void readValue(JsonParser p, JsonToken token, FieldSlot slot, Object builder, JsonPath path)
            throws IOException, OpenRtbDecodeException {
        switch (slot.kind) {
            case INT32:
            case ENUM:
                requireToken(token, JsonToken.VALUE_NUMBER_INT, slot, path);
                slot.intSet.set(builder, p.getIntValue());
                break;
            case INT64:
                requireToken(token, JsonToken.VALUE_NUMBER_INT, slot, path);
                slot.longSet.set(builder, p.getLongValue());
                break;
            case DOUBLE:
                if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                    throw wrongType(path, slot.kind.expected, token);
                }
                double d = p.getDoubleValue();
                if (Double.isInfinite(d)) {
                    throw new OpenRtbDecodeException(path.toString(), "number out of range");
                }
                slot.doubleSet.set(builder, d);
                break;
            case BOOL:
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw wrongType(path, slot.kind.expected, token);
                }
                slot.boolSet.set(builder, token == JsonToken.VALUE_TRUE);
                break;
            case STRING:
                requireToken(token, JsonToken.VALUE_STRING, slot, path);
                slot.objSet.set(builder, p.getText());
                break;
            case MESSAGE:
                requireToken(token, JsonToken.START_OBJECT, slot, path);
                readObject(p, slot.nested, slot.child.get(builder), path);
                break;
            case RAW_JSON_OBJECT:
                requireToken(token, JsonToken.START_OBJECT, slot, path);
                slot.objSet.set(builder, copyObject(p));
                break;
            default:
                throw new IllegalStateException("unhandled kind " + slot.kind);
        }
    }

    /**
     * Copies the object the parser stands on as compact JSON text, numbers exactly as written
     * (no trip through {@code double}).
     */
    private String copyObject(JsonParser p) throws IOException {
        SegmentedStringWriter out = new SegmentedStringWriter(factory._getBufferRecycler());
        try (JsonGenerator g = factory.createGenerator(out)) {
            int depth = 0;
            JsonToken t = p.currentToken();
            do {
                switch (t) {
                    case START_OBJECT:
                        g.writeStartObject();
                        depth++;
                        break;
                    case END_OBJECT:
                        g.writeEndObject();
                        depth--;
                        break;
                    case START_ARRAY:
                        g.writeStartArray();
                        depth++;
                        break;
                    case END_ARRAY:
                        g.writeEndArray();
                        depth--;
                        break;
                    case FIELD_NAME:
                        g.writeFieldName(p.currentName());
                        break;
                    case VALUE_STRING:
                        g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        g.writeNumber(p.getText());
                        break;
                    case VALUE_TRUE:
                    case VALUE_FALSE:
                        g.writeBoolean(t == JsonToken.VALUE_TRUE);
                        break;
                    case VALUE_NULL:
                        g.writeNull();
                        break;
                    default:
                        throw new IOException("unexpected token " + t);
                }
                if (depth == 0) {
                    break;
                }
                t = p.nextToken();
                if (t == null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected end-of-input");
                }
            } while (true);
        }
        return out.getAndClear();
    }

    private static void requireToken(JsonToken actual, JsonToken wanted, FieldSlot slot, JsonPath path)
            throws OpenRtbDecodeException {
        if (actual != wanted) {
            throw wrongType(path, slot.kind.expected, actual);
        }
    }

    private static OpenRtbDecodeException wrongType(JsonPath path, String expected, JsonToken actual) {
        return new OpenRtbDecodeException(path.toString(), "expected " + expected + ", got " + describe(actual));
    }

    private static String plural(FieldSlot.Kind kind) {
        switch (kind) {
            case MESSAGE:
            case RAW_JSON_OBJECT:
                return "objects";
            case STRING:
                return "strings";
            case DOUBLE:
                return "numbers";
            case BOOL:
                return "booleans";
            default:
                return "integers";
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "an integer";
            case VALUE_NUMBER_FLOAT:
                return "a decimal number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() == null ? token.name() : token.asString();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    // ---------------------------------------------------------------- encoding

    /** Encodes a message as compact spec JSON (UTF-8). */
    public byte[] encode(MessageOrBuilder message) {
        Message built = built(message);
        try (ByteArrayBuilder out = new ByteArrayBuilder(factory._getBufferRecycler())) {
            try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
                writeObject(g, built, schema(built));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory failed", e);
        }
    }

    /** Encodes a message as compact spec JSON (UTF-8) onto a stream; the stream stays open. */
    public void encode(MessageOrBuilder message, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            Message built = built(message);
            writeObject(g, built, schema(built));
        }
    }

    private static Message built(MessageOrBuilder m) {
        return m instanceof Message ? (Message) m : ((Message.Builder) m).build();
    }

    private void writeObject(JsonGenerator g, Object message, MessageSchema schema) throws IOException {
        g.writeStartObject();
        for (FieldSlot slot : schema.ordered()) {
            if (slot.repeated) {
                int count = slot.count.count(message);
                if (count == 0) {
                    continue;
                }
                g.writeFieldName(slot.jsonName);
                g.writeStartArray();
                for (int i = 0; i < count; i++) {
                    writeElement(g, slot, message, i);
                }
                g.writeEndArray();
            } else if (slot.has.has(message)) {
                g.writeFieldName(slot.jsonName);
                writeSingle(g, slot, message);
            }
        }
        g.writeEndObject();
    }

    private void writeSingle(JsonGenerator g, FieldSlot slot, Object message) throws IOException {
        switch (slot.kind) {
            case INT32:
            case ENUM:
                g.writeNumber(slot.intGet.get(message));
                break;
            case INT64:
                g.writeNumber(slot.longGet.get(message));
                break;
            case DOUBLE:
                writeDouble(g, slot.doubleGet.get(message));
                break;
            case BOOL:
                g.writeBoolean(slot.boolGet.get(message));
                break;
            case STRING:
                g.writeString((String) slot.objGet.get(message));
                break;
            case MESSAGE:
                writeObject(g, slot.objGet.get(message), slot.nested);
                break;
            case RAW_JSON_OBJECT:
                writeRaw(g, (String) slot.objGet.get(message));
                break;
            default:
                throw new IllegalStateException("unhandled kind " + slot.kind);
        }
    }

    private void writeElement(JsonGenerator g, FieldSlot slot, Object message, int i) throws IOException {
        switch (slot.kind) {
            case INT32:
            case ENUM:
                g.writeNumber(slot.intAt.get(message, i));
                break;
            case INT64:
                g.writeNumber(slot.longAt.get(message, i));
                break;
            case DOUBLE:
                writeDouble(g, slot.doubleAt.get(message, i));
                break;
            case BOOL:
                g.writeBoolean(slot.boolAt.get(message, i));
                break;
            case STRING:
                g.writeString((String) slot.objAt.get(message, i));
                break;
            case MESSAGE:
                writeObject(g, slot.objAt.get(message, i), slot.nested);
                break;
            default:
                throw new IllegalStateException("unhandled kind " + slot.kind);
        }
    }

    private static void writeRaw(JsonGenerator g, String raw) throws IOException {
        if (raw.isEmpty()) {
            g.writeStartObject();
            g.writeEndObject();
        } else {
            g.writeRawValue(raw);
        }
    }

    /** Integral values are written without a fraction ({@code 2}, not {@code 2.0}). */
    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
            g.writeNumber((long) d);
        } else {
            g.writeNumber(d);
        }
    }

    private static MessageSchema schema(Message prototype) {
        return MessageSchema.forMessage(prototype);
    }

    /** The factory's limits, for callers that parse other JSON under the same rules. */
    public JsonFactory factory() {
        return factory;
    }
}

package io.podium.vast.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a document against a compiled schema with external DTD and schema access off,
 * reporting every problem with its line: rule {@code schema} for what the schema refuses,
 * {@code xml} for what is not well-formed or cannot be read. Messages lose the validator's key
 * ("cvc-complex-type.2.4.a: ") but keep the explanation. Warnings (about the schema, not the
 * document) are dropped.
 */
public final class SchemaCheck {
    /** Where problems go. */
    @FunctionalInterface
    public interface Sink {
        void problem(int line, String rule, String message);
    }

    private SchemaCheck() {
    }

    public static void validate(Schema schema, byte[] document, Sink sink) {
        boolean[] reported = {false};
        Sink counting = (line, rule, message) -> {
            reported[0] = true;
            sink.problem(line, rule, message);
        };
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // about the schema, not the document
                }

                @Override
                public void error(SAXParseException e) {
                    counting.problem(e.getLineNumber(), "schema", clean(e.getMessage()));
                }

                @Override
                public void fatalError(SAXParseException e) {
                    counting.problem(e.getLineNumber(), "xml", clean(e.getMessage()));
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            if (!reported[0]) {
                sink.problem(0, "xml", clean(e.getMessage()));
            }
        } catch (IOException e) {
            sink.problem(0, "xml", "unreadable: " + e.getMessage());
        }
    }

    private static String clean(String message) {
        return message == null ? "" : message.replaceFirst("^[a-z]+(-[a-z0-9.-]+)+: ", "");
    }
}

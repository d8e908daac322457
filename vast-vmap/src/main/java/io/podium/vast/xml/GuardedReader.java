package io.podium.vast.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/** A reader that fails on any entity reference met after the root element (none can be declared). */
final class GuardedReader extends StreamReaderDelegate {
    GuardedReader(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("entity reference &" + getLocalName() + "; is not allowed", getLocation());
        }
        return event;
    }
}

package io.podium.vast.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class SafeXmlTest {
    private final SafeXml xml = new SafeXml(64 * 1024);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aVastDocumentOpensOnItsRootWithNamespaceAndCdata() throws Exception {
        XMLStreamReader r = xml.open(bytes("<?xml version=\"1.0\"?>\n<VAST xmlns=\"http://www.iab.com/VAST\" version=\"4.2\">"
                + "<Ad id=\"1\"><InLine><AdTitle><![CDATA[Winter & sale]]></AdTitle></InLine></Ad></VAST>"));
        assertEquals("VAST", r.getLocalName());
        assertEquals("4.2", r.getAttributeValue(null, "version"));
        assertEquals(2, r.getLocation().getLineNumber());
        while (!(r.isStartElement() && "AdTitle".equals(r.getLocalName()))) {
            r.next();
        }
        assertEquals("Winter & sale", r.getElementText());
    }

    @Test
    void anExternalEntityIsRefusedAndNeverFetched() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write(bytes("hi"));
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/secret";
            XmlRejectedException e = assertThrows(XmlRejectedException.class, () -> xml.open(bytes(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE VAST [<!ENTITY x SYSTEM \"" + url + "\">]>\n<VAST>&x;</VAST>")));
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            assertEquals(2, e.line());
            assertThrows(XmlRejectedException.class, () -> xml.open(bytes(
                    "<!DOCTYPE VAST SYSTEM \"" + url + "\"><VAST/>")));
            assertEquals(0, hits.get(), "nothing was fetched");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                doc.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            doc.append("\">");
        }
        doc.append("]><VAST>&lol9;</VAST>");
        assertThrows(XmlRejectedException.class, () -> xml.open(bytes(doc.toString())));
    }

    @Test
    void anUndeclaredEntityInTheBodyFails() throws Exception {
        XMLStreamReader r = xml.open(bytes("<VAST><Ad>&nope;</Ad></VAST>"));
        assertThrows(XMLStreamException.class, () -> {
            while (r.hasNext()) {
                r.next();
            }
        });
    }

    @Test
    void oversizedMalformedAndEmptyDocumentsAreRefusedWithTheirLine() {
        XmlRejectedException big = assertThrows(XmlRejectedException.class,
                () -> new SafeXml(100).open(new byte[101]));
        assertTrue(big.getMessage().contains("over the 100-byte limit"), big.getMessage());
        XmlRejectedException broken = assertThrows(XmlRejectedException.class,
                () -> xml.open(bytes("\n\n<VAST <Ad/>")));
        assertEquals(3, broken.line(), broken.getMessage());
        assertThrows(XmlRejectedException.class, () -> xml.open(bytes("")));
        assertThrows(XmlRejectedException.class, () -> xml.open(bytes("<?xml version=\"1.0\"?>")));
    }

    @Test
    void predefinedAndCharacterEntitiesStillWork() throws Exception {
        XMLStreamReader r = xml.open(bytes("<VAST><AdTitle>Fish &amp; chips &#233;</AdTitle></VAST>"));
        r.nextTag();
        assertEquals(XMLStreamConstants.START_ELEMENT, r.getEventType());
        assertEquals("Fish & chips é", r.getElementText());
    }
}

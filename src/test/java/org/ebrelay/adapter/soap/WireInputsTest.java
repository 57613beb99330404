package org.ebrelay.adapter.soap;

import org.ebrelay.app.port.out.WireMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WireInputsTest {
    private static WireMessage read(String raw) {
        return WireInputs.read(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String body(WireMessage wire) {
        return new String(wire.body(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsAnHttpRequestDumpWithItsContentTypeAndSoapAction() {
        WireMessage wire = read("POST /ebms HTTP/1.1\r\nHost: x\r\ncontent-type: text/xml; charset=UTF-8\r\n"
                + "soapaction: \"ebXML\"\r\nContent-Length: 9999\r\n\r\n<e/>\r\n");

        assertThat(wire.contentType()).isEqualTo("text/xml; charset=UTF-8");
        assertThat(wire.soapAction()).isEqualTo("\"ebXML\"");
        assertThat(body(wire)).isEqualTo("<e/>\r\n");
    }

    @Test
    void dechunksAChunkedBodyAndIgnoresChunkExtensionsAndTrailers() {
        WireMessage wire = read("POST /ebms HTTP/1.1\r\nTransfer-Encoding: Chunked\r\nContent-Type: text/xml\r\n\r\n"
                + "4;name=value\r\n<e/>\r\n3\r\n\r\nX\r\n0\r\nTrailer: yes\r\n\r\n");

        assertThat(body(wire)).isEqualTo("<e/>\r\nX");
    }

    @Test
    void readsALfOnlyDumpWhoseContentLengthNoLongerMatches() {
        WireMessage wire = read("POST /x HTTP/1.0\nContent-Type: text/xml\nContent-Length: 3\n\n<e/>\n");

        assertThat(wire.contentType()).isEqualTo("text/xml");
        assertThat(body(wire)).isEqualTo("<e/>\n");
    }

    @Test
    void readsAResponseDumpAndAnEmptyNoContentResponse() {
        WireMessage ok = read("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<e/>");
        WireMessage noContent = read("HTTP/1.1 204 \r\nContent-Type: text/html;UTF-8\r\n\r\n");

        assertThat(body(ok)).isEqualTo("<e/>");
        assertThat(noContent.contentType()).isEqualTo("text/html;UTF-8");
        assertThat(noContent.body()).isEmpty();
    }

    @Test
    void takesTheContentTypeFromTheBodyWhenADumpHasNone() {
        assertThat(read("HTTP/1.1 200 OK\r\n\r\n<e/>").contentType()).isEqualTo("text/xml");
        assertThat(read("HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n").contentType()).isNull();
    }

    @Test
    void readsARawMimeEntityWithHeaders() {
        WireMessage wire = read("Content-Type: multipart/related; type=\"text/xml\"; boundary=b1\r\n"
                + "SOAPAction: \"ebXML\"\r\n\r\n--b1\r\n\r\n<e/>\r\n--b1--\r\n");

        assertThat(wire.contentType()).isEqualTo("multipart/related; type=\"text/xml\"; boundary=b1");
        assertThat(wire.soapAction()).isEqualTo("\"ebXML\"");
        assertThat(body(wire)).startsWith("--b1\r\n");
    }

    @Test
    void synthesisesTheContentTypeOfABodyThatStartsAtItsFirstBoundary() {
        WireMessage wire = read("----=_MIME-Boundary\nContent-Id: <a>\n\n<e/>\n----=_MIME-Boundary--\n");

        assertThat(wire.contentType()).isEqualTo("multipart/related; type=\"text/xml\"; boundary=\"--=_MIME-Boundary\"");
        assertThat(body(wire)).startsWith("----=_MIME-Boundary\n");
    }

    @Test
    void readsABareEnvelopeAfterAByteOrderMarkAndWhiteSpace() {
        byte[] raw = ("\uFEFF \n<?xml version=\"1.0\"?><e/>").getBytes(StandardCharsets.UTF_8);
        WireMessage wire = WireInputs.read(raw);

        assertThat(wire.contentType()).isEqualTo("text/xml");
        assertThat(body(wire)).isEqualTo("<?xml version=\"1.0\"?><e/>");
        assertThat(wire.soapAction()).isNull();
    }

    @Test
    void returnsUnrecognisedInputUnchangedWithoutAContentType() {
        WireMessage garbage = read("\u0000\u0001 this is not a message");
        WireMessage empty = WireInputs.read(new byte[0]);

        assertThat(garbage.contentType()).isNull();
        assertThat(body(garbage)).isEqualTo("\u0000\u0001 this is not a message");
        assertThat(empty.contentType()).isNull();
        assertThat(WireInputs.read((byte[]) null).body()).isEmpty();
    }

    @Test
    void leavesABodyThatIsNotValidlyChunkedAsItIs() {
        WireMessage wire = read("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n<e/>");

        assertThat(body(wire)).isEqualTo("<e/>");
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.xml");
        Files.writeString(file, "<e/>");

        assertThat(WireInputs.read(file).contentType()).isEqualTo("text/xml");
    }
}

package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartReaderTest {
    private static final String RELATED = "multipart/related; type=\"text/xml\"; boundary=\"b1\"; start=\"<soap@x>\"";

    private static MultipartReader.Result read(String contentType, String body) {
        return MultipartReader.read(ParsedContentType.parse(contentType), body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(MultipartReader.Part part) {
        return new String(part.content(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsACrlfPackageAndFindsTheRootByItsStartParameter() {
        String body = "--b1\r\nContent-Type: text/plain\r\nContent-ID: <other@x>\r\n\r\nfirst\r\n"
                + "--b1\r\nContent-Type: text/xml\r\nContent-ID: <soap@x>\r\n\r\n<e/>\r\n--b1--\r\n";
        MultipartReader.Result result = read(RELATED, body);

        assertThat(result.problems()).isEmpty();
        assertThat(result.parts()).hasSize(2);
        assertThat(result.parts().get(0).contentId()).isEqualTo("other@x");
        assertThat(text(result.parts().get(0))).isEqualTo("first");
        assertThat(result.root().contentId()).isEqualTo("soap@x");
        assertThat(result.root().contentType()).isEqualTo("text/xml");
        assertThat(text(result.root())).isEqualTo("<e/>");
    }

    @Test
    void findsTheDelimitersAmongNearMissesOfTheBoundary() {
        String boundary = "MIMEBoundary_urn_uuid_0f0e";
        String type = "multipart/related; type=\"text/xml\"; boundary=\"" + boundary + "\"; start=\"<soap@x>\"";
        String nearMisses = "--MIMEBoundary_urn_uuid_0f0\r\n-- " + boundary + "\r\n---" + boundary + "x\r\n"
                + "text --" + boundary + " mid-line\r\n" + "-".repeat(200) + "\r\n--" + boundary.substring(1)
                + "\r\n" + boundary + "--\r\n--MIMEBoundary_urn_uuid_0f0e_not_the_end";
        String body = "--" + boundary + "\r\nContent-ID: <soap@x>\r\n\r\n<e/>\r\n--" + boundary
                + "\r\nContent-ID: <p@x>\r\n\r\n" + nearMisses + "\r\n--" + boundary + "--\r\n";
        MultipartReader.Result result = read(type, body);

        assertThat(result.problems()).isEmpty();
        assertThat(result.parts()).hasSize(2);
        assertThat(text(result.root())).isEqualTo("<e/>");
        assertThat(text(result.parts().get(1))).isEqualTo(nearMisses);
    }

    @Test
    void readsAnLfOnlyPackageLikeTheTestFixtures() {
        String body = "--b1\nContent-ID: <soap@x>\n\n<e/>\n--b1\nContent-ID: <p@x>\n\npayload\n--b1--\n";
        MultipartReader.Result result = read(RELATED, body);

        assertThat(result.problems()).isEmpty();
        assertThat(text(result.root())).isEqualTo("<e/>");
        assertThat(text(result.parts().get(1))).isEqualTo("payload");
    }

    @Test
    void keepsTheCarriageReturnsOfAnHl7V2PayloadInAnLfOnlyPackage() {
        String hl7 = "MSH|^~\\&|LIS|NRL\rPID|1||123\r";
        String body = "--b1\nContent-ID: <soap@x>\n\n<e/>\n--b1\nContent-ID: <p@x>\n\n" + hl7 + "\n--b1--\n";

        assertThat(text(read(RELATED, body).parts().get(1))).isEqualTo(hl7);
    }

    @Test
    void keepsTheCarriageReturnsOfAnHl7V2PayloadInACrlfPackage() {
        String hl7 = "MSH|^~\\&|LIS|NRL\rPID|1||123\r";
        String body = "--b1\r\nContent-ID: <soap@x>\r\n\r\n<e/>\r\n--b1\r\nContent-ID: <p@x>\r\n\r\n" + hl7 + "\r\n--b1--\r\n";

        assertThat(text(read(RELATED, body).parts().get(1))).isEqualTo(hl7);
    }

    @Test
    void takesTheFirstPartAsRootWhenThereIsNoStartParameter() {
        String body = "--b1\r\nContent-ID: <a>\r\n\r\nA\r\n--b1\r\nContent-ID: <b>\r\n\r\nB\r\n--b1--";
        MultipartReader.Result result = read("multipart/related; type=\"text/xml\"; boundary=b1", body);

        assertThat(result.problems()).isEmpty();
        assertThat(text(result.root())).isEqualTo("A");
    }

    @Test
    void acceptsAnUnquotedBoundaryAndOneThatStartsWithDashes() {
        String body = "----=_MIME-Boundary\nContent-ID: <a>\n\nA\n----=_MIME-Boundary--\n";
        MultipartReader.Result result = read("multipart/related; type=text/xml; boundary=--=_MIME-Boundary", body);

        assertThat(result.problems()).isEmpty();
        assertThat(text(result.root())).isEqualTo("A");
    }

    @Test
    void ignoresPreambleEpilogueAndTransportPaddingAfterTheDelimiter() {
        String body = "This is a preamble.\r\n--b1  \r\nContent-ID: <a>\r\n\r\nA\r\n--b1--\t\r\nepilogue text\r\n";
        MultipartReader.Result result = read("multipart/related; type=\"text/xml\"; boundary=b1", body);

        assertThat(result.problems()).isEmpty();
        assertThat(result.parts()).hasSize(1);
        assertThat(text(result.root())).isEqualTo("A");
    }

    @Test
    void doesNotTakeALineThatMerelyStartsWithTheBoundaryForADelimiter() {
        String body = "--b1\r\nContent-ID: <a>\r\n\r\n--b1x is content\r\nmore\r\n--b1--\r\n";

        assertThat(text(read("multipart/related; type=text/xml; boundary=b1", body).root()))
                .isEqualTo("--b1x is content\r\nmore");
    }

    @Test
    void decodesBase64AndQuotedPrintableParts() {
        String body = "--b1\r\nContent-ID: <soap@x>\r\n\r\n<e/>\r\n"
                + "--b1\r\nContent-ID: <b64@x>\r\nContent-Transfer-Encoding: base64\r\n\r\nTVNIfF5+XCYNUElEfDEN\r\nCg==\r\n"
                + "--b1\r\nContent-ID: <qp@x>\r\nContent-Transfer-Encoding: Quoted-Printable\r\n\r\ncaf=C3=A9 =\r\nsoft=3D\r\n"
                + "--b1--\r\n";
        MultipartReader.Result result = read(RELATED, body);

        assertThat(result.problems()).isEmpty();
        assertThat(text(result.parts().get(1))).isEqualTo("MSH|^~\\&\rPID|1\r\n");
        assertThat(new String(result.parts().get(2).content(), StandardCharsets.UTF_8)).isEqualTo("café soft=");
    }

    @Test
    void reportsInvalidBase64AsAMimeProblemOnThatPart() {
        String body = "--b1\r\nContent-ID: <soap@x>\r\n\r\n<e/>\r\n"
                + "--b1\r\nContent-ID: <b64@x>\r\nContent-Transfer-Encoding: base64\r\n\r\nnot*base64!\r\n--b1--\r\n";
        MultipartReader.Result result = read(RELATED, body);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.errorCode()).isEqualTo("MimeProblem");
            assertThat(p.location()).isEqualTo("cid:b64@x");
        });
        assertThat(result.parts().get(1).decoded()).isFalse();
        assertThat(result.root()).isNotNull();
    }

    @Test
    void reportsAStartThatNamesNoPartAndFindsNoRoot() {
        String body = "--b1\r\nContent-ID: <a>\r\n\r\nA\r\n--b1--\r\n";
        MultipartReader.Result result = read(RELATED, body);

        assertThat(result.root()).isNull();
        assertThat(result.problems()).extracting(EbmsError::location).containsExactly("cid:soap@x");
    }

    @Test
    void reportsAMissingClosingDelimiterButKeepsTheParts() {
        String body = "--b1\r\nContent-ID: <soap@x>\r\n\r\n<e/>\r\n--b1\r\nContent-ID: <p@x>\r\n\r\ntruncated pay";
        MultipartReader.Result result = read(RELATED, body);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.is(ErrorCode.MIME_PROBLEM)).isTrue();
            assertThat(p.description()).contains("no closing delimiter");
        });
        assertThat(text(result.root())).isEqualTo("<e/>");
        assertThat(text(result.parts().get(1))).isEqualTo("truncated pay");
    }

    @Test
    void findsNoPartsWhenTheBoundaryNeverOccurs() {
        MultipartReader.Result result = read(RELATED, "just some text\r\n");

        assertThat(result.parts()).isEmpty();
        assertThat(result.root()).isNull();
        assertThat(result.problems()).extracting(EbmsError::errorCode).containsOnly("MimeProblem");
    }

    @Test
    void rejectsAMissingOrMalformedBoundary() {
        assertThat(read("multipart/related; type=text/xml", "--x\r\n\r\n--x--").problems())
                .singleElement().extracting(EbmsError::description).asString().contains("no boundary");
        assertThat(read("multipart/related; type=text/xml; boundary=\"a<b>\"", "--a<b>\r\n\r\n--a<b>--").problems())
                .singleElement().extracting(EbmsError::description).asString().contains("'<'");
    }

    @Test
    void checksTheTypeParameterOfThePackage() {
        String body = "--b1\r\nContent-ID: <a>\r\n\r\nA\r\n--b1--\r\n";

        assertThat(read("multipart/related; boundary=b1", body).problems()).singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThat(read("multipart/related; type=\"application/soap+xml\"; boundary=b1", body).problems())
                .singleElement().satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.ERROR));
        assertThat(read("multipart/mixed; type=\"text/xml\"; boundary=b1", body).problems())
                .singleElement().extracting(EbmsError::description).asString().contains("not multipart/related");
    }

    @Test
    void reportsTwoPartsWithTheSameContentId() {
        String body = "--b1\r\nContent-ID: <soap@x>\r\n\r\n<e/>\r\n--b1\r\nContent-ID: <p>\r\n\r\n1\r\n"
                + "--b1\r\nContent-ID: <p>\r\n\r\n2\r\n--b1--\r\n";

        assertThat(read(RELATED, body).problems()).singleElement().extracting(EbmsError::location).isEqualTo("cid:p");
    }

    @Test
    void acceptsAContentIdWithoutAngleBrackets() {
        String body = "--b1\r\nContent-ID: soap@x\r\n\r\n<e/>\r\n--b1--\r\n";

        assertThat(read(RELATED, body).root().contentId()).isEqualTo("soap@x");
    }

    @Test
    void readsAPartWithoutHeadersAsContentOnly() {
        String body = "--b1\r\n\r\n<e/>\r\n--b1--\r\n";
        MultipartReader.Result result = read("multipart/related; type=text/xml; boundary=b1", body);

        assertThat(result.problems()).isEmpty();
        assertThat(result.root().contentId()).isNull();
        assertThat(text(result.root())).isEqualTo("<e/>");
    }
}

package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void theStandardsTestVectorsInLowercaseHex() {
        // FIPS 180-2, appendix B.1, and the empty message
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(new byte[0]));
    }

    @Test
    void textIsHashedAsUtf8AndPartsAsTheWhole() {
        String text = "gpt-4o\nmodèle";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(Sha256.of(bytes), Sha256.of(text));
        MessageDigest d = Sha256.start();
        d.update(bytes, 0, 3);
        d.update(bytes, 3, bytes.length - 3);
        assertEquals(Sha256.of(bytes), Sha256.hex(d));
        assertEquals(Sha256.of(new byte[0]), Sha256.hex(d), "finishing resets the digest");
    }
}

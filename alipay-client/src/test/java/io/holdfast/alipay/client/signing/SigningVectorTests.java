package io.holdfast.alipay.client.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our signing against a fixed vector computed independently with OpenSSL (see src/test/resources/vectors/README.md):
 * PKCS#1 v1.5 is deterministic, so our Signer must produce exactly OpenSSL's signature.
 */
class SigningVectorTests {

    private static final PrivateKey KEY = AlipayKeys.privateKey(text("test-only-merchant-private-key.pem"));
    private static final PublicKey PUBLIC_KEY = AlipayKeys.publicKey(text("test-only-merchant-public-key.pem"));
    private static final byte[] CONTENT = bytes("signed-content.txt");
    private static final String EXPECTED_BASE64 = text("expected-signature.base64").strip();
    private static final String EXPECTED_HEADER = text("expected-signature-header.txt");

    @Test
    void signedContentIsBuiltExactlyAsDocumented() {
        String body = new String(CONTENT, StandardCharsets.UTF_8);
        body = body.substring(body.indexOf("{"));

        byte[] built = SignedContent.ofPost("/ams/api/v1/payments/pay", "SANDBOX_5X00000000000000", "1685599933871",
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(built).isEqualTo(CONTENT);
    }

    @Test
    void signerProducesOpensslsSignature() {
        SignatureHeader header = new Signer(KEY, 1).sign(CONTENT);

        assertThat(Base64.getEncoder().encodeToString(header.signature())).isEqualTo(EXPECTED_BASE64);
        assertThat(header.format()).isEqualTo(EXPECTED_HEADER);
    }

    @Test
    void keyRingVerifiesOpensslsSignature() {
        assertThat(KeyRing.single(PUBLIC_KEY).check(CONTENT, EXPECTED_HEADER)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void tamperedContentDoesNotVerify() {
        byte[] tampered = Arrays.copyOf(CONTENT, CONTENT.length);
        tampered[tampered.length - 3] ^= 1;

        assertThat(KeyRing.single(PUBLIC_KEY).check(tampered, EXPECTED_HEADER)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void wrongKeyDoesNotVerify() {
        PublicKey other = AlipayKeys.generate(new java.security.SecureRandom()).getPublic();

        assertThat(KeyRing.single(other).check(CONTENT, EXPECTED_HEADER)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void keyVersionSelectsTheKey() {
        PublicKey other = AlipayKeys.generate(new java.security.SecureRandom()).getPublic();
        KeyRing rotating = new KeyRing(Map.of(1, PUBLIC_KEY, 2, other));

        assertThat(rotating.check(CONTENT, EXPECTED_HEADER)).isEqualTo(SignatureCheck.VALID);
        assertThat(rotating.check(CONTENT, EXPECTED_HEADER.replace("keyVersion=1", "keyVersion=2")))
                .isEqualTo(SignatureCheck.MISMATCH);
        assertThat(KeyRing.single(PUBLIC_KEY).check(CONTENT, EXPECTED_HEADER.replace("keyVersion=1", "keyVersion=3")))
                .isEqualTo(SignatureCheck.UNKNOWN_KEY_VERSION);
        assertThat(new KeyRing(Map.of(1, other, 2, PUBLIC_KEY)).check(CONTENT,
                "algorithm=RSA256,signature=" + signatureItem())).as("no keyVersion: newest key").isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void headerParsingIsRobust() {
        KeyRing ring = KeyRing.single(PUBLIC_KEY);
        String signature = signatureItem();

        assertThat(ring.check(CONTENT, "algorithm=RSA256, keyVersion=1, signature=" + signature)).isEqualTo(SignatureCheck.VALID);
        assertThat(ring.check(CONTENT, "signature=" + signature + " ,keyVersion=1 , algorithm=RSA256")).isEqualTo(SignatureCheck.VALID);
        assertThat(ring.check(CONTENT, "keyVersion=1,algorithm=RSA256,signature=" + EXPECTED_BASE64))
                .as("raw, not URL-encoded base64").isEqualTo(SignatureCheck.VALID);
        assertThat(ring.check(CONTENT, (String) null)).isEqualTo(SignatureCheck.MISSING);
        assertThat(ring.check(CONTENT, " ")).isEqualTo(SignatureCheck.MISSING);
        assertThat(ring.check(CONTENT, "algorithm=RSA256,keyVersion=1")).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(ring.check(CONTENT, "algorithm=RSA256,keyVersion=one,signature=" + signature)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(ring.check(CONTENT, "algorithm=RSA256,keyVersion=1,signature=%%%")).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(ring.check(CONTENT, "algorithm=RSA512,keyVersion=1,signature=" + signature))
                .isEqualTo(SignatureCheck.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void theSignatureItemIsUrlEncodedAsUrlEncoderDoesAndParsesBack() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] signature = new byte[1 + random.nextInt(300)];
            random.nextBytes(signature);
            String base64 = Base64.getEncoder().encodeToString(signature);
            String header = new SignatureHeader(SignatureHeader.RSA256, 1, signature).format();

            assertThat(header).isEqualTo("algorithm=RSA256,keyVersion=1,signature="
                    + URLEncoder.encode(base64, StandardCharsets.UTF_8));
            assertThat(SignatureHeader.parse(header)).hasValueSatisfying(
                    parsed -> assertThat(parsed.signature()).isEqualTo(signature));
            assertThat(SignatureHeader.parse("signature=" + URLEncoder.encode(base64, StandardCharsets.UTF_8)
                    .replace("%2B", "%2b").replace("%2F", "%2f"))).as("lower-case hex")
                    .hasValueSatisfying(parsed -> assertThat(parsed.signature()).isEqualTo(signature));
        }
        assertThat(SignatureHeader.parse("signature=AB%2")).as("truncated escape").isEmpty();
        assertThat(SignatureHeader.parse("signature=AB%G1CD")).as("non-hex escape").isEmpty();
        assertThat(SignatureHeader.parse("signature=AB%2BC+D")).as("'+' decodes to a space, as URLDecoder's").isEmpty();
        assertThat(SignatureHeader.parse("signature=AB%C3%A9CD")).as("an escape above ASCII").isEmpty();
        assertThat(SignatureHeader.parse("signature=AB\u0100%2BCD")).as("a character beyond Latin-1").isEmpty();
    }

    private static String signatureItem() {
        return EXPECTED_HEADER.substring(EXPECTED_HEADER.indexOf("signature=") + "signature=".length());
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = SigningVectorTests.class.getResourceAsStream("/vectors/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.holdfast.localstack.bench;

import io.holdfast.alipay.client.signing.AlipayKeys;
import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.SignatureHeader;
import io.holdfast.alipay.client.signing.SignedContent;
import io.holdfast.alipay.client.signing.Signer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * The cryptographic floor of an Antom exchange: CPU time of one SHA256withRSA-2048 sign plus one verify over a
 * pay-sized body, with Holdfast's own signing code, measured on this machine in this run.
 */
final class RsaFloor {

    private RsaFloor() {
    }

    /** CPU milliseconds of one sign + verify pair. */
    static double millisPerPair(int iterations) {
        KeyPair keys = AlipayKeys.generate(new SecureRandom());
        Signer signer = new Signer(keys.getPrivate(), 1);
        KeyRing ring = KeyRing.single(keys.getPublic());
        byte[] body = ("{\"productCode\":\"CASHIER_PAYMENT\",\"paymentRequestId\":\"bench\",\"paymentAmount\":"
                + "{\"currency\":\"USD\",\"value\":\"4200\"}," + "\"order\":{\"referenceOrderId\":\"ORD\"},"
                + "x".repeat(900) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] content = SignedContent.ofPost("/ams/api/v1/payments/pay", "SANDBOX_BENCH", "1700000000000", body);
        for (int i = 0; i < iterations / 4; i++) {
            pair(signer, ring, content);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long begin = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            pair(signer, ring, content);
        }
        return (threads.getCurrentThreadCpuTime() - begin) / 1_000_000.0 / iterations;
    }

    private static void pair(Signer signer, KeyRing ring, byte[] content) {
        SignatureHeader signature = signer.sign(content);
        if (!ring.verify(content, signature)) {
            throw new IllegalStateException("a fresh signature did not verify");
        }
    }
}

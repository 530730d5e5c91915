package io.holdfast.alipay.sandbox.bench;

import io.holdfast.alipay.client.signing.KeyRing;
import io.holdfast.alipay.client.signing.SignatureHeader;
import io.holdfast.alipay.client.signing.Signer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;

/**
 * The cost of one RSA-2048 SHA256withRSA signature and one verification on this machine, single thread, after a
 * warm-up, through the same {@link Signer} and {@link KeyRing} the client and the sandbox use (so it includes the
 * header's base64 and URL encoding, which is small next to the RSA private-key operation). Measured as the
 * thread's CPU time, so other processes competing for the cores do not inflate it.
 */
record RsaFloor(double signMicros, double verifyMicros, int contentBytes) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static RsaFloor measure(KeyPair keys, int operations) {
        byte[] content = AlipayBenchmark.sampleContent();
        Signer signer = new Signer(keys.getPrivate(), 1);
        KeyRing ring = KeyRing.single(keys.getPublic());
        SignatureHeader header = signer.sign(content);
        for (int i = 0; i < Math.max(200, operations / 2); i++) {
            signer.sign(content);
            ring.verify(content, header);
        }
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < operations; i++) {
            header = signer.sign(content);
        }
        long signNanos = THREADS.getCurrentThreadCpuTime() - start;
        int valid = 0;
        start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < operations * 4; i++) {
            valid += ring.verify(content, header) ? 1 : 0;
        }
        long verifyNanos = THREADS.getCurrentThreadCpuTime() - start;
        if (valid != operations * 4) {
            throw new IllegalStateException("a signature did not verify");
        }
        return new RsaFloor(signNanos / 1e3 / operations, verifyNanos / 1e3 / (operations * 4), content.length);
    }

    double signPlusVerifyMicros() {
        return signMicros + verifyMicros;
    }

    void print() {
        System.out.printf("%n== 1. RSA-2048 SHA256withRSA floor (single thread, %d-byte signed content) ==%n",
                contentBytes);
        System.out.printf("thread CPU: sign %.0f us/op (%.0f ops/s), verify %.1f us/op (%.0f ops/s), sign + verify %.0f us%n",
                signMicros, 1e6 / signMicros, verifyMicros, 1e6 / verifyMicros, signPlusVerifyMicros());
    }
}

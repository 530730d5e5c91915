package io.holdfast.localstack.demo;

import io.holdfast.localstack.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The merchant HTTP API by example: the {@code curl} lines the local stack prints, and the payments {@code --demo}
 * leaves open on the console's deadline board (MANUAL authorizations through the edge, for an operator to act on).
 */
public final class BoardDemo {

    private static final String CARD = "{\"cardNo\":\"4054695723100768\",\"cvv\":\"123\",\"expiryMonth\":\"12\","
            + "\"expiryYear\":\"30\"}";

    private BoardDemo() {
    }

    /** An AuthorizePayment body for a MANUAL authorization with a raw test card (the edge vaults it). */
    public static String authorizeBody(String paymentRequestId, long valueMinor, String policy) {
        return "{\"amount\":{\"valueMinor\":" + valueMinor + ",\"currency\":\"USD\"},\"captureMode\":\"MANUAL\","
                + "\"deadlinePolicy\":\"" + policy + "\",\"card\":" + CARD + ",\"order\":{\"referenceOrderId\":\""
                + paymentRequestId + "\",\"orderDescription\":\"Holdfast demo order\"},\"env\":{\"terminalType\":"
                + "\"WEB\"},\"paymentRedirectUrl\":\"https://merchant.example/return\"}";
    }

    /** Working curl lines for authorize, capture, cancel and read against {@code ingestUrl}. */
    public static void printCurls(String ingestUrl, PrintStream out) {
        String auth = "-H 'Authorization: Bearer " + LocalStack.DEMO_MERCHANT_API_KEY + "'";
        String json = "-H 'Content-Type: application/json'";
        out.println("Merchant HTTP API (demo merchant '" + LocalStack.DEMO_MERCHANT_ID + "', its paymentRequestIds "
                + "start with demo-; OpenAPI: " + ingestUrl + "/openapi.yaml):");
        out.println("  curl -s -X POST " + ingestUrl + "/v1/payments/demo-1/authorize " + auth + " " + json
                + " -H 'Idempotency-Key: order-1' \\");
        out.println("       -d '" + authorizeBody("demo-1", 1250, "CAPTURE") + "'");
        out.println("  curl -s " + ingestUrl + "/v1/payments/demo-1 " + auth + "      # read it (payment-view)");
        out.println("  curl -s -X POST " + ingestUrl + "/v1/payments/demo-1/capture " + auth + " " + json
                + " -H 'Idempotency-Key: order-1' -d '{\"amount\":{\"valueMinor\":1250,\"currency\":\"USD\"}}'");
        out.println("  # or, instead of capturing:");
        out.println("  curl -s -X POST " + ingestUrl + "/v1/payments/demo-1/cancel " + auth
                + " -H 'Idempotency-Key: order-1'");
        out.println("  curl -s '" + ingestUrl + "/v1/payments?status=AUTHORIZED&limit=10' " + auth);
    }

    /** Authorizes three MANUAL payments through the edge and leaves them open on the deadline board. */
    public static void leaveOpenAuthorizations(String ingestUrl, String consoleUrl, PrintStream out)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String[] policies = {"CAPTURE", "VOID", "EXPIRE"};
        out.println();
        out.println("Leaving open MANUAL authorizations on the console's deadline board (" + consoleUrl + "):");
        for (int i = 0; i < policies.length; i++) {
            String id = "demo-board-" + UUID.randomUUID().toString().substring(0, 8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/payments/" + id + "/authorize"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + LocalStack.DEMO_MERCHANT_API_KEY)
                    .header("Content-Type", "application/json").header("Idempotency-Key", id)
                    .POST(HttpRequest.BodyPublishers.ofString(authorizeBody(id, 1000L * (i + 1) + 250, policies[i])))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            out.println("  " + id + " (policy " + policies[i] + "): HTTP " + response.statusCode());
        }
        out.println("  log in as " + LocalStack.DEMO_OPERATOR + " / " + LocalStack.DEMO_OPERATOR_PASSWORD
                + " to capture, cancel or change their policy.");
    }
}

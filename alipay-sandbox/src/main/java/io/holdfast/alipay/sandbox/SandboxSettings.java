package io.holdfast.alipay.sandbox;

import io.holdfast.alipay.sandbox.core.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Process settings of {@link SandboxMain}.
 *
 * @param host bind address (default 0.0.0.0)
 * @param port plain HTTP port (default 8080)
 * @param httpsPort HTTPS port (default 8443), null when "off"
 * @param dataDir where keys and the TLS identity live (default ./alipay-sandbox-data)
 * @param demoClientId client id of the generated demo merchant (default SANDBOX_5X00000000000000)
 * @param clients extra merchants: {@code clientId=<base64 X.509 public key>} pairs separated by {@code ;}
 * @param notifyUrl default notification URL of every client (the Dashboard setting), may be null
 * @param publicBaseUrl base URL of the 3DS challenge page as the buyer's browser sees it, may be null
 * @param strictCapture reject under-captures (default true)
 * @param captureCompletionDelay sandbox-clock time an asynchronous capture takes to complete (default PT10S)
 */
public record SandboxSettings(String host, int port, Integer httpsPort, Path dataDir, String demoClientId,
        Map<String, String> clients, String notifyUrl, String publicBaseUrl, boolean strictCapture,
        Duration captureCompletionDelay) {

    /** Settings with the default capture completion delay. */
    public SandboxSettings(String host, int port, Integer httpsPort, Path dataDir, String demoClientId,
            Map<String, String> clients, String notifyUrl, String publicBaseUrl, boolean strictCapture) {
        this(host, port, httpsPort, dataDir, demoClientId, clients, notifyUrl, publicBaseUrl, strictCapture,
                EngineSettings.DEFAULT_CAPTURE_COMPLETION_DELAY);
    }

    static SandboxSettings from(String[] args, Properties properties, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        Lookup lookup = name -> {
            if (values.containsKey(name)) {
                return values.get(name);
            }
            String property = properties.getProperty("alipay.sandbox." + name);
            if (property != null) {
                return property;
            }
            return env.get("ALIPAY_SANDBOX_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        };
        String https = lookup.get("https-port", "8443");
        Map<String, String> clients = new LinkedHashMap<>();
        String clientList = lookup.get("clients", "");
        for (String pair : clientList.split(";")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("clients must be clientId=publicKey pairs separated by ;");
                }
                clients.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return new SandboxSettings(lookup.get("host", "0.0.0.0"), Integer.parseInt(lookup.get("port", "8080")),
                "off".equalsIgnoreCase(https) ? null : Integer.valueOf(https),
                Path.of(lookup.get("data-dir", "alipay-sandbox-data")),
                lookup.get("demo-client-id", "SANDBOX_5X00000000000000"), clients, lookup.get("notify-url", null),
                lookup.get("public-base-url", null),
                Boolean.parseBoolean(lookup.get("strict-capture", "true")),
                Duration.parse(lookup.get("capture-completion-delay",
                        EngineSettings.DEFAULT_CAPTURE_COMPLETION_DELAY.toString())));
    }

    @FunctionalInterface
    private interface Lookup {
        String find(String name);

        default String get(String name, String fallback) {
            String value = find(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}

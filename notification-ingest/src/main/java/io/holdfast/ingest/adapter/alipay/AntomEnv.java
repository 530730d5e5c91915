package io.holdfast.ingest.adapter.alipay;

import io.holdfast.alipay.client.model.BrowserInfo;
import io.holdfast.alipay.client.model.Env;
import io.holdfast.ingest.domain.command.CommandPayload.BuyerEnv;

/** Maps the buyer environment to Antom's env object. */
final class AntomEnv {

    private AntomEnv() {
    }

    static Env of(BuyerEnv env) {
        BrowserInfo browser = env.acceptHeader() == null && env.language() == null ? null
                : new BrowserInfo(env.acceptHeader(), null, null, env.language(), env.userAgent());
        return new Env(env.terminalType().name(), env.osType(), env.clientIp(), browser, env.userAgent(),
                env.deviceTokenId(), null, null, null, null, null, null, null, null);
    }
}

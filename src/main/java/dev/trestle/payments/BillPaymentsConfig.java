package dev.trestle.payments;

import io.smallrye.config.ConfigMapping;

/** When NetSuite bill payments are imported into Procore by themselves ({@code trestle.bill-payments.*}). */
@ConfigMapping(prefix = "trestle.bill-payments")
public interface BillPaymentsConfig {

    /** Quartz-style cron of the scheduled import, or {@code off}; requests by people work either way. */
    String cron();
}

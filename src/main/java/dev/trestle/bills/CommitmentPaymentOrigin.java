package dev.trestle.bills;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The (payment, bill) pair that the origin id of an imported Procore commitment payment names,
 * {@code netsuite-payment-<payment>-bill-<bill>} (see {@code payments.CommitmentPaymentPlanner#originId}): the right
 * id of a {@code COMMITMENT_PAYMENT} link.
 */
public record CommitmentPaymentOrigin(String paymentId, String billId) {

    private static final Pattern ORIGIN_ID = Pattern.compile("netsuite-payment-([0-9]{1,18})-bill-([0-9]{1,18})");

    /** The pair an origin id names; empty for anything that is not one of the hub's commitment payment origin ids. */
    public static Optional<CommitmentPaymentOrigin> parse(String originId) {
        if (originId == null) {
            return Optional.empty();
        }
        Matcher pair = ORIGIN_ID.matcher(originId);
        return pair.matches() ? Optional.of(new CommitmentPaymentOrigin(pair.group(1), pair.group(2)))
                : Optional.empty();
    }
}

package dev.trestle.purchasing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Where Precoro's webhooks arrive: {@code {"id", "type", "action", "idn"}} on a document's create or update. A
 * purchase order's event is persisted (the PO marked due, one upsert) before the answer, so an answer of 2xx means
 * the hub will read the PO; the answer comes at once, far inside Precoro's time limit, and the reading happens after
 * it ({@link PurchaseOrderIntake}). Duplicates and bursts for one PO are one read. A failure to persist answers 503,
 * so that Precoro retries. Other document types are acknowledged and left alone.
 *
 * <p>Precoro signs nothing, so the registered URL carries a secret ({@code trestle.purchasing.webhook-token}); a
 * wrong one is answered 404, as if there were no such endpoint.
 */
@Path("/webhooks/precoro/{token}")
public class PrecoroWebhookResource {

    private static final Logger LOG = Logger.getLogger(PrecoroWebhookResource.class);
    /** Precoro's webhook {@code type} of a purchase order. */
    static final int PURCHASE_ORDER = 2;
    /** An event is four small numbers; anything much larger is not one. */
    private static final int MAX_BODY = 4096;

    private final PurchaseOrderIntake intake;
    private final ObjectMapper json;
    private final byte[] token;

    PrecoroWebhookResource(PurchaseOrderIntake intake, ObjectMapper json, PurchasingConfig config) {
        this.intake = intake;
        this.json = json;
        this.token = config.webhookToken().getBytes(StandardCharsets.UTF_8);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@PathParam("token") String given, String body) {
        // Compared in constant time: the token is the endpoint's only secret.
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        Long idn;
        try {
            idn = purchaseOrderIdn(body);
        } catch (IllegalArgumentException malformed) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", malformed.getMessage())).build());
        }
        if (idn == null) {
            return Uni.createFrom().item(Response.noContent().build());
        }
        return intake.changed(List.of(idn))
                .replaceWith(Response.noContent().build())
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "A Precoro webhook for purchase order %d could not be recorded; answered 503 "
                            + "so that Precoro sends it again", idn);
                    return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "60").build();
                });
    }

    /** The idn of a purchase order's event; null for another document type; refuses what is no Precoro event. */
    Long purchaseOrderIdn(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("A Precoro webhook body is a small JSON object.");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The body is not JSON.");
        }
        if (event == null || !event.isObject() || !event.path("type").canConvertToInt()
                || !event.path("type").isIntegralNumber()) {
            throw new IllegalArgumentException("A Precoro webhook names the document's \"type\" as a number.");
        }
        if (event.get("type").intValue() != PURCHASE_ORDER) {
            return null;
        }
        JsonNode idn = event.path("idn");
        if (!idn.isIntegralNumber() || !idn.canConvertToLong() || idn.longValue() <= 0) {
            throw new IllegalArgumentException("A purchase order's event names its \"idn\" as a positive number.");
        }
        return idn.longValue();
    }
}

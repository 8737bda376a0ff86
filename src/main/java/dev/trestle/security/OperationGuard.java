package dev.trestle.security;

import dev.trestle.errors.ErrorCode;
import dev.trestle.errors.TrestleException;
import dev.trestle.graphql.ArgumentRules;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * Guards every GraphQL operation and field resolver (they all carry {@link RequiresRole}): checks
 * the caller's roles, then the String arguments against {@link ArgumentRules} (a refusal is
 * {@code INVALID_ARGUMENT}, not logged), and turns any failure that is not the hub's own into
 * {@code INTERNAL}, logged here with its stack trace, so clients always get a stable code and
 * never a Java class name.
 */
@RequiresRole({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class OperationGuard {

    private static final Logger LOG = Logger.getLogger(OperationGuard.class);

    private final SecurityIdentity identity;

    public OperationGuard(SecurityIdentity identity) {
        this.identity = identity;
    }

    @AroundInvoke
    Object guard(InvocationContext context) throws Exception {
        RequiresRole required = context.getMethod().getAnnotation(RequiresRole.class);
        if (required == null) {
            required = context.getMethod().getDeclaringClass().getAnnotation(RequiresRole.class);
        }
        boolean reactive = Uni.class.isAssignableFrom(context.getMethod().getReturnType());
        String operation = context.getMethod().getDeclaringClass().getSimpleName() + "." + context.getMethod().getName();
        TrestleException refusal = refusal(required.value());
        if (refusal == null) {
            refusal = invalidArgument(operation, context);
        }
        if (refusal != null) {
            if (reactive) {
                return Uni.createFrom().failure(refusal);
            }
            throw refusal;
        }
        try {
            Object result = context.proceed();
            return reactive ? ((Uni<?>) result).onFailure().transform(failure -> stable(operation, failure)) : result;
        } catch (RuntimeException failure) {
            throw stable(operation, failure);
        }
    }

    private static TrestleException stable(String operation, Throwable failure) {
        if (failure instanceof TrestleException known) {
            return known;
        }
        LOG.errorf(failure, "%s failed unexpectedly", operation);
        return new TrestleException(ErrorCode.INTERNAL,
                "Internal error; the server log has the details.", java.util.Map.of(), failure);
    }

    /** Arguments that break {@link ArgumentRules} never reach the operation (nor the database). */
    private static TrestleException invalidArgument(String operation, InvocationContext context) {
        try {
            ArgumentRules.check(context.getMethod(), context.getParameters());
            return null;
        } catch (RuntimeException invalid) {
            return stable(operation, invalid);
        }
    }

    private TrestleException refusal(String[] roles) {
        if (identity.isAnonymous()) {
            return new TrestleException(ErrorCode.UNAUTHENTICATED, "A bearer token is required.");
        }
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return null;
            }
        }
        return new TrestleException(ErrorCode.FORBIDDEN,
                "This operation needs one of the roles " + Arrays.toString(roles) + ".");
    }
}

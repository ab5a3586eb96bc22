package dev.whiteboard.api;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code @Transactional} call that failed, typically at commit. Some runtimes (Jersey on Payara) bring a
 * mapper of their own for this type that answers with an HTML 500; this one, preferred by its priority, reads
 * the cause like every other failure.
 */
@Provider
@Priority(1)
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    @Override
    public Response toResponse(TransactionalException e) {
        return ErrorResponses.forFailure(e);
    }
}
